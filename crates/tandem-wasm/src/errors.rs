//! Each engine error gets a stable `kind` string: what JS code branches on (the message is for
//! people). The TypeScript package documents the same list.
use tandem_core::Error as CoreError;
use tandem_gpu::GpuError;

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

pub fn core_kind(e: &CoreError) -> &'static str {
    match e {
        CoreError::TokenizerMissing(_) | CoreError::Tokenizer(_) => "tokenizer",
        CoreError::ChatTemplate(_) => "chat_template",
        CoreError::TokenOutOfVocab { .. } | CoreError::EmptyInput | CoreError::InvalidParams(_) => {
            "invalid_request"
        }
        CoreError::ContextOverflow { .. } => "context_overflow",
        CoreError::Candle(_) => "internal",
        CoreError::Io { .. }
        | CoreError::ConfigJson(_)
        | CoreError::UnsupportedModelType(_)
        | CoreError::UnsupportedArchitecture(_)
        | CoreError::Unsupported { .. }
        | CoreError::InvalidConfig(_)
        | CoreError::Safetensors { .. }
        | CoreError::MissingTensor(_)
        | CoreError::TensorShape { .. }
        | CoreError::TensorDtype { .. }
        | CoreError::GgufMagic(_)
        | CoreError::GgufVersion(_)
        | CoreError::GgufCount { .. }
        | CoreError::GgufTruncated(_)
        | CoreError::Gguf(_)
        | CoreError::GgufMetadata { .. }
        | CoreError::NonFiniteWeight { .. } => "invalid_model",
    }
}

pub fn gpu_kind(e: &GpuError) -> &'static str {
    match e {
        GpuError::NoAdapter(_) => "no_adapter",
        GpuError::RequestDevice(_) | GpuError::Limit { .. } => "gpu_unsupported",
        GpuError::DeviceLost(_) => "device_lost",
        GpuError::OutOfMemory(_) => "out_of_memory",
        GpuError::Validation(_) | GpuError::Readback(_) | GpuError::Tensor { .. } => "gpu",
        GpuError::Core(c) => core_kind(c),
    }
}

impl From<GpuError> for Failure {
    fn from(e: GpuError) -> Self {
        Failure::new(gpu_kind(&e), e.to_string())
    }
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        Failure::new(core_kind(&e), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stable() {
        assert_eq!(
            Failure::from(GpuError::DeviceLost("x".into())).kind,
            "device_lost"
        );
        assert_eq!(
            Failure::from(CoreError::ContextOverflow { needed: 9, max: 8 }).kind,
            "context_overflow"
        );
        assert_eq!(
            Failure::from(GpuError::Core(CoreError::MissingTensor("w".into()))).kind,
            "invalid_model"
        );
        assert_eq!(
            Failure::from(CoreError::InvalidParams("t".into())).kind,
            "invalid_request"
        );
    }
}
