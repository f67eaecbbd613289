//! What a detector finds: a typed span of the input, in byte offsets.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// The classes of personal data the pipeline knows. The serde names are the contract of
/// `tandem redact --jsonl` and of the TypeScript package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Email,
    Phone,
    CreditCard,
    Iban,
    IpAddress,
    Url,
    Person,
    StreetAddress,
}

impl EntityType {
    pub const ALL: [EntityType; 8] = [
        EntityType::Email,
        EntityType::Phone,
        EntityType::CreditCard,
        EntityType::Iban,
        EntityType::IpAddress,
        EntityType::Url,
        EntityType::Person,
        EntityType::StreetAddress,
    ];
    pub const NAMES: [&'static str; 8] = [
        "email",
        "phone",
        "credit_card",
        "iban",
        "ip_address",
        "url",
        "person",
        "street_address",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The placeholder's tag: `[EMAIL_1]`, `[CREDIT_CARD_2]`, ...
    pub fn tag(self) -> &'static str {
        [
            "EMAIL",
            "PHONE",
            "CREDIT_CARD",
            "IBAN",
            "IP_ADDRESS",
            "URL",
            "PERSON",
            "STREET_ADDRESS",
        ][self as usize]
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for EntityType {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Self::NAMES
            .iter()
            .position(|n| *n == s)
            .map(|i| Self::ALL[i])
            .ok_or_else(|| Error::UnknownType(s.to_string()))
    }
}

/// One detected entity: `text[start..end] == value` (byte offsets, on char boundaries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub value: String,
    pub start: usize,
    pub end: usize,
}
