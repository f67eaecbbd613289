//! How a weight matrix is laid out on the GPU. Its own module because both the pipeline cache
//! (one pipeline per weight format) and the matrix upload need it, and the upload needs the
//! device, which needs the pipeline cache: with `Format` here the module graph stays acyclic.
use tandem_core::RawDtype;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    F32,
    F16,
    Q8_0,
    Q4_0,
}

impl Format {
    /// Bytes of one row of `cols` weights on the GPU.
    pub fn row_bytes(self, cols: usize) -> usize {
        match self {
            Format::F32 => cols * 4,
            Format::F16 => cols * 2,
            Format::Q8_0 => cols / 32 * 36,
            Format::Q4_0 => cols / 32 * 20,
        }
    }

    /// The GPU layout of a stored dtype (GGUF blocks are re-aligned, not converted).
    pub(crate) fn of(d: RawDtype) -> Self {
        match d {
            RawDtype::F32 => Format::F32,
            RawDtype::F16 => Format::F16,
            RawDtype::Q8_0 => Format::Q8_0,
            RawDtype::Q4_0 => Format::Q4_0,
        }
    }
}
