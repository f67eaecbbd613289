//! The crate's one error type. Detection itself never fails (any text is valid input); what can
//! be wrong is configuration: an unknown entity type or level, which must not silently weaken
//! privacy (a misspelt class name would otherwise leave that class unprotected).

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("unknown entity type {0:?} (known: {known})", known = crate::entity::EntityType::NAMES.join(", "))]
    UnknownType(String),
    #[error("unknown privacy level {0:?} (known: off, redact, local-only)")]
    UnknownLevel(String),
}

impl Error {
    /// A stable, machine-readable name for the error's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::UnknownType(_) => "unknown_type",
            Error::UnknownLevel(_) => "unknown_level",
        }
    }
}

/// Every [`Error::kind`].
pub const KINDS: &[&str] = &["unknown_type", "unknown_level"];

pub type Result<T> = std::result::Result<T, Error>;
