//! Weight matrices on the GPU: f32, f16 (two per u32) and the GGUF Q8_0/Q4_0 block layouts, with
//! each block re-aligned to 4 bytes (its f16 scale widened to f32, exactly). A matrix larger than
//! the adapter's largest binding is split by rows into parts; kernels run once per part.
use tandem_core::RawTensor;

use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::format::Format;

pub struct Part {
    pub buffer: wgpu::Buffer,
    pub row_start: usize,
    pub rows: usize,
}

pub struct Matrix {
    pub format: Format,
    pub rows: usize,
    pub cols: usize,
    pub parts: Vec<Part>,
}

/// Re-aligns GGUF blocks: `[f16 scale][payload]` → `[f32 scale][payload]`.
fn realign(data: &[u8], block: usize) -> Vec<u8> {
    let blocks = data.len() / block;
    let mut out = Vec::with_capacity(blocks * (block + 2));
    for b in data.chunks_exact(block) {
        let d = half::f16::from_le_bytes([b[0], b[1]]).to_f32();
        out.extend_from_slice(&d.to_le_bytes());
        out.extend_from_slice(&b[2..]);
    }
    out
}

impl Matrix {
    /// Uploads a 2-D weight (rows = output features). Columns must be a multiple of 32 (every
    /// Llama-family shape is; the kernels read 8 weights at a time and Q8_0/Q4_0 blocks are 32).
    pub fn upload(gpu: &Gpu, name: &str, raw: &RawTensor) -> Result<Self> {
        let (rows, cols) = match raw.shape[..] {
            [r, c] => (r, c),
            _ => {
                return Err(GpuError::Tensor {
                    name: name.into(),
                    reason: format!("expected a matrix, got shape {:?}", raw.shape),
                })
            }
        };
        if cols == 0 || !cols.is_multiple_of(32) || rows == 0 {
            return Err(GpuError::Tensor {
                name: name.into(),
                reason: format!("{rows}×{cols}: the GPU engine needs columns in multiples of 32"),
            });
        }
        let format = Format::of(raw.dtype);
        let (per, bytes) = raw.dtype.block();
        if raw.data.len() != rows * cols / per * bytes {
            return Err(GpuError::Tensor {
                name: name.into(),
                reason: format!("{} bytes for {rows}×{cols} {format:?}", raw.data.len()),
            });
        }
        let src_row = cols / per * bytes;
        let row_bytes = format.row_bytes(cols);
        let max_rows = (gpu.max_binding() as usize / row_bytes).max(1);
        if row_bytes as u64 > gpu.max_binding() {
            return Err(GpuError::Tensor {
                name: name.into(),
                reason: "a single row exceeds the adapter's largest binding".into(),
            });
        }
        let mut parts = Vec::new();
        let mut r0 = 0;
        while r0 < rows {
            let n = max_rows.min(rows - r0);
            let src = &raw.data[r0 * src_row..(r0 + n) * src_row];
            let label = format!("{name}[{r0}..{}]", r0 + n);
            let buffer = match format {
                Format::F32 | Format::F16 => gpu.storage_init(&label, src)?,
                Format::Q8_0 => gpu.storage_init(&label, &realign(src, 34))?,
                Format::Q4_0 => gpu.storage_init(&label, &realign(src, 18))?,
            };
            parts.push(Part {
                buffer,
                row_start: r0,
                rows: n,
            });
            r0 += n;
        }
        Ok(Self {
            format,
            rows,
            cols,
            parts,
        })
    }

    /// Bytes the GPU reads for one pass over the matrix.
    pub fn bytes(&self) -> usize {
        self.rows * self.format.row_bytes(self.cols)
    }
}
