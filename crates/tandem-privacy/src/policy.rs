//! What to do with each class of personal data: leave it (`off`), replace it with a placeholder
//! before the text leaves the device (`redact`), or keep the whole request on the device
//! (`local-only`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;

use crate::entity::EntityType;
use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Level {
    #[serde(rename = "off")]
    Off,
    #[default]
    #[serde(rename = "redact")]
    Redact,
    #[serde(rename = "local-only")]
    LocalOnly,
}

impl FromStr for Level {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "off" => Ok(Level::Off),
            "redact" => Ok(Level::Redact),
            "local-only" => Ok(Level::LocalOnly),
            _ => Err(Error::UnknownLevel(s.to_string())),
        }
    }
}

/// A level per class, and one for the classes not named. Unknown field names and unknown
/// classes are errors when deserialising: a misspelt class must not go unprotected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    #[serde(default)]
    pub default: Level,
    #[serde(default)]
    pub levels: BTreeMap<EntityType, Level>,
}

impl Policy {
    /// Every class redacted.
    pub fn redact_all() -> Self {
        Policy::default()
    }

    pub fn level(&self, kind: EntityType) -> Level {
        self.levels.get(&kind).copied().unwrap_or(self.default)
    }

    /// Sets `kind`'s level; returns the policy for chaining.
    pub fn with(mut self, kind: EntityType, level: Level) -> Self {
        self.levels.insert(kind, level);
        self
    }
}
