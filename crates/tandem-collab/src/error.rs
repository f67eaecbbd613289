//! The crate's one error type. Every bad input (NaN, empty or mismatched slices, a feature vector
//! of the wrong dimension, a corrupt router.json) ends here, typed; nothing on an input path
//! panics. Callers branch on [`Error::kind`]; the message is for people.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A slice that needs at least one element has none.
    #[error("{what} is empty")]
    Empty { what: &'static str },
    /// Two slices that pair up element by element differ in length.
    #[error("{what} has length {actual}, expected {expected}")]
    LengthMismatch {
        what: &'static str,
        expected: usize,
        actual: usize,
    },
    /// A value that must be a real number is NaN or infinite.
    #[error("{what} holds a NaN or infinite value at index {index}")]
    NonFinite { what: &'static str, index: usize },
    /// A scalar argument is outside its range.
    #[error("{param}: {message}")]
    InvalidParameter {
        param: &'static str,
        message: String,
    },
    #[error("unknown signal {0:?} (known: mean_logprob, min_logprob, q05, q10, q25, mean_entropy, max_entropy)")]
    UnknownSignal(String),
    #[error("unknown route {0:?} (known: local, server)")]
    UnknownRoute(String),
    #[error("unknown feedback {0:?} (known: up, down, ask_server)")]
    UnknownFeedback(String),
    /// Features from another model (or another pooling) than the router was trained on.
    #[error("feature vector has dimension {actual}, the router expects {expected}")]
    FeatureDim { expected: usize, actual: usize },
    /// router.json does not parse, or parses into something unusable.
    #[error("router.json is not valid: {0}")]
    InvalidRouter(String),
    #[error("unsupported router version {0:?} (supported: {ver:?})", ver = crate::router::ROUTER_VERSION)]
    RouterVersion(String),
    /// Training data a router cannot be fitted on (one class only, ragged rows).
    #[error("cannot fit a router: {0}")]
    TrainingData(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Every stable kind [`Error::kind`] returns, for bindings that check their own lists.
pub const KINDS: &[&str] = &[
    "invalid_input",
    "feature_dim",
    "invalid_router",
    "unsupported_router_version",
    "invalid_training_data",
];

impl Error {
    /// The stable snake_case kind callers branch on (the wasm binding's `TandemError.kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty { .. }
            | Error::LengthMismatch { .. }
            | Error::NonFinite { .. }
            | Error::InvalidParameter { .. }
            | Error::UnknownSignal(_)
            | Error::UnknownRoute(_)
            | Error::UnknownFeedback(_) => "invalid_input",
            Error::FeatureDim { .. } => "feature_dim",
            Error::InvalidRouter(_) => "invalid_router",
            Error::RouterVersion(_) => "unsupported_router_version",
            Error::TrainingData(_) => "invalid_training_data",
        }
    }

    pub(crate) fn param(param: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidParameter {
            param,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed() {
        let all = [
            Error::Empty { what: "x" },
            Error::LengthMismatch {
                what: "x",
                expected: 1,
                actual: 2,
            },
            Error::NonFinite {
                what: "x",
                index: 0,
            },
            Error::param("x", "y"),
            Error::UnknownSignal("x".into()),
            Error::UnknownRoute("x".into()),
            Error::UnknownFeedback("x".into()),
            Error::FeatureDim {
                expected: 1,
                actual: 2,
            },
            Error::InvalidRouter("x".into()),
            Error::RouterVersion("x".into()),
            Error::TrainingData("x".into()),
        ];
        for e in &all {
            assert!(KINDS.contains(&e.kind()), "{e:?}");
        }
        for k in KINDS {
            assert!(all.iter().any(|e| e.kind() == *k), "{k} is never given");
        }
    }
}
