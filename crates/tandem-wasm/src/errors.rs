//! Each engine or policy error crosses into JS with its stable `kind` (what JS code branches on;
//! the message is for people). The kinds are tandem-core's, tandem-engine's, tandem-collab's and
//! tandem-privacy's own (the server maps the same ones onto HTTP statuses); this layer adds only the binding's. The TypeScript
//! package's `TandemErrorKind` lists them all (checked by tests/ts_shapes.rs).
use tandem_core::Error as CoreError;

/// A kind and a message: what crosses into JS as a `TandemError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: &'static str,
    pub message: String,
}

impl Failure {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

/// Kinds only the binding gives: an unknown or out-of-range engine option.
pub const BINDING_KINDS: &[&str] = &["invalid_options"];

/// Every kind a call into the binding can fail with.
pub fn kinds() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = tandem_core::error::KINDS.to_vec();
    all.extend(tandem_engine::ENGINE_KINDS);
    all.extend(tandem_collab::KINDS);
    all.extend(tandem_privacy::KINDS);
    all.extend(BINDING_KINDS);
    all
}

impl From<tandem_engine::Error> for Failure {
    fn from(e: tandem_engine::Error) -> Self {
        Failure::new(e.kind(), e.to_string())
    }
}

impl From<tandem_privacy::Error> for Failure {
    fn from(e: tandem_privacy::Error) -> Self {
        Failure::new(e.kind(), e.to_string())
    }
}

impl From<tandem_collab::Error> for Failure {
    fn from(e: tandem_collab::Error) -> Self {
        Failure::new(e.kind(), e.to_string())
    }
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        Failure::new(e.kind(), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_gpu::GpuError;

    #[test]
    fn kinds_are_stable() {
        let engine = |e: GpuError| Failure::from(tandem_engine::Error::from(e)).kind;
        assert_eq!(engine(GpuError::DeviceLost("x".into())), "device_lost");
        assert_eq!(
            Failure::from(CoreError::ContextOverflow { needed: 9, max: 8 }).kind,
            "context_overflow"
        );
        assert_eq!(
            engine(GpuError::Core(CoreError::MissingTensor("w".into()))),
            "invalid_model"
        );
        assert_eq!(
            Failure::from(CoreError::InvalidParams("t".into())).kind,
            "invalid_request"
        );
        let collab = |e: tandem_collab::Error| Failure::from(e).kind;
        assert_eq!(
            collab(tandem_collab::Error::FeatureDim {
                expected: 2,
                actual: 1
            }),
            "feature_dim"
        );
        assert_eq!(
            collab(tandem_collab::Error::InvalidRouter("x".into())),
            "invalid_router"
        );
        for k in [
            "busy",
            "no_chat_template",
            "invalid_options",
            "out_of_memory",
            "invalid_input",
            "unsupported_router_version",
        ] {
            assert!(kinds().contains(&k), "{k}");
        }
    }
}
