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
    /// Rows on the device (with any zero rows of [`Matrix::upload_padded`]).
    pub rows: usize,
    /// Columns on the device: a multiple of 32, zero-padded.
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
    /// Uploads a 2-D weight (rows = output features), f32/f16 columns padded with zeros to a
    /// multiple of 32 (the kernels read 8 weights at a time and Q8_0/Q4_0 blocks are 32 wide, so
    /// a quantized matrix has such columns already). [`Matrix::cols`] is the padded count: the
    /// row stride of the input it multiplies, whose padding must be zeros or finite.
    pub fn upload(gpu: &Gpu, name: &str, raw: &RawTensor) -> Result<Self> {
        let rows = raw.shape.first().copied().unwrap_or(0);
        Self::upload_padded(gpu, name, raw, rows)
    }

    /// [`Matrix::upload`] with zero rows added up to `out_rows` (≥ the matrix's rows): an
    /// output as wide as a padded input it feeds (gate/up before a padded down_proj).
    pub fn upload_padded(gpu: &Gpu, name: &str, raw: &RawTensor, out_rows: usize) -> Result<Self> {
        let (rows, cols) = match raw.shape[..] {
            [r, c] => (r, c),
            _ => {
                return Err(GpuError::Tensor {
                    name: name.into(),
                    reason: format!("expected a matrix, got shape {:?}", raw.shape),
                })
            }
        };
        let format = Format::of(raw.dtype);
        let quantized = matches!(format, Format::Q8_0 | Format::Q4_0);
        if cols == 0 || rows == 0 || out_rows < rows || (quantized && !cols.is_multiple_of(32)) {
            return Err(GpuError::Tensor {
                name: name.into(),
                reason: format!("{rows}×{cols} {format:?} (padded to {out_rows} rows)"),
            });
        }
        let (per, bytes) = raw.dtype.block();
        if raw.data.len() != rows * cols / per * bytes {
            return Err(GpuError::Tensor {
                name: name.into(),
                reason: format!("{} bytes for {rows}×{cols} {format:?}", raw.data.len()),
            });
        }
        let src_row = cols / per * bytes;
        let padded_cols = cols.next_multiple_of(32);
        let row_bytes = format.row_bytes(padded_cols);
        let max_rows = (gpu.max_binding() as usize / row_bytes).max(1);
        if row_bytes as u64 > gpu.max_binding() {
            return Err(GpuError::Tensor {
                name: name.into(),
                reason: "a single row exceeds the adapter's largest binding".into(),
            });
        }
        let mut parts = Vec::new();
        let mut r0 = 0;
        while r0 < out_rows {
            let n = max_rows.min(out_rows - r0);
            // Rows past the matrix's own are zeros (after the real ones of this part).
            let real = rows.saturating_sub(r0).min(n);
            let src = &raw.data[r0 * src_row..(r0 + real) * src_row];
            let mut data = match format {
                Format::F32 | Format::F16 if padded_cols != cols => src
                    .chunks_exact(src_row)
                    .flat_map(|r| {
                        r.iter()
                            .copied()
                            .chain(std::iter::repeat_n(0, row_bytes - src_row))
                    })
                    .collect(),
                Format::F32 | Format::F16 => src.to_vec(),
                Format::Q8_0 => realign(src, 34),
                Format::Q4_0 => realign(src, 18),
            };
            data.resize(n * row_bytes, 0);
            let label = format!("{name}[{r0}..{}]", r0 + n);
            let buffer = gpu.storage_init(&label, &data)?;
            parts.push(Part {
                buffer,
                row_start: r0,
                rows: n,
            });
            r0 += n;
        }
        Ok(Self {
            format,
            rows: out_rows,
            cols: padded_cols,
            parts,
        })
    }

    /// The matrix as rows `base..` of a product with `total` output rows (its parts' outputs
    /// move down by `base`; the output row stride becomes `total`).
    pub fn offset_rows(mut self, base: usize, total: usize) -> Self {
        for p in &mut self.parts {
            p.row_start += base;
        }
        self.rows = total;
        self
    }

    /// Bytes the GPU reads for one pass over the matrix.
    pub fn bytes(&self) -> usize {
        self.rows * self.format.row_bytes(self.cols)
    }
}

/// Matrices of one dtype and column count stacked by rows, each followed by zero rows up to its
/// entry's row count (zero bytes are zeros in every format: an f16/Q8_0/Q4_0 scale of 0). `None`
/// when their dtypes or columns differ, or one's bytes do not match its shape (uploaded one by
/// one, it then gets the upload's typed error): the tensors come back. One tensor comes back
/// as it is (the upload pads its rows).
pub fn stack(
    mut tensors: Vec<(RawTensor, usize)>,
) -> std::result::Result<RawTensor, Vec<(RawTensor, usize)>> {
    if tensors.len() == 1 {
        if let Some((t, _)) = tensors.pop() {
            return Ok(t);
        }
    }
    let Some((dtype, cols)) = tensors
        .first()
        .and_then(|(t, _)| Some((t.dtype, *t.shape.get(1)?)))
    else {
        return Err(tensors);
    };
    let (per, bytes) = dtype.block();
    let row = cols / per * bytes;
    let fits = |t: &RawTensor| {
        t.dtype == dtype
            && t.shape.len() == 2
            && t.shape[1] == cols
            && t.data.len() == t.shape[0] * row
    };
    if !tensors.iter().all(|(t, _)| fits(t)) {
        return Err(tensors);
    }
    let rows: usize = tensors.iter().map(|(t, r)| (*r).max(t.shape[0])).sum();
    let mut data = Vec::with_capacity(rows * row);
    for (t, r) in tensors {
        let end = data.len() + r.max(t.shape[0]) * row;
        data.extend_from_slice(&t.data);
        data.resize(end, 0);
    }
    Ok(RawTensor {
        dtype,
        shape: vec![rows, cols],
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_core::RawDtype;

    fn raw(dtype: RawDtype, rows: usize, cols: usize, byte: u8) -> RawTensor {
        let (per, bytes) = dtype.block();
        RawTensor {
            dtype,
            shape: vec![rows, cols],
            data: vec![byte; rows * cols / per * bytes],
        }
    }

    #[test]
    fn stack_pads_each_matrix_with_zero_rows() {
        let q = raw(RawDtype::Q8_0, 2, 64, 1);
        let k = raw(RawDtype::Q8_0, 1, 64, 2);
        let s = stack(vec![(q, 3), (k, 1)]).unwrap();
        let row = 2 * 34;
        assert_eq!(s.shape, vec![4, 64]);
        assert!(s.data[..2 * row].iter().all(|&b| b == 1));
        assert!(s.data[2 * row..3 * row].iter().all(|&b| b == 0));
        assert!(s.data[3 * row..].iter().all(|&b| b == 2));
    }

    #[test]
    fn stack_gives_back_what_it_cannot_stack() {
        let mixed = vec![
            (raw(RawDtype::Q8_0, 2, 64, 1), 2),
            (raw(RawDtype::Q4_0, 2, 64, 1), 2),
        ];
        assert_eq!(stack(mixed).unwrap_err().len(), 2);
        let widths = vec![
            (raw(RawDtype::F32, 2, 64, 1), 2),
            (raw(RawDtype::F32, 2, 32, 1), 2),
        ];
        assert!(stack(widths).is_err());
        let mut short = raw(RawDtype::F16, 2, 64, 1);
        short.data.pop();
        let ok = raw(RawDtype::F16, 2, 64, 1);
        assert!(stack(vec![(ok, 2), (short, 2)]).is_err());
        // One tensor passes through untouched (its upload checks and pads it).
        let one = stack(vec![(raw(RawDtype::F32, 3, 32, 7), 5)]).unwrap();
        assert_eq!((one.shape, one.data.len()), (vec![3, 32], 3 * 32 * 4));
    }
}
