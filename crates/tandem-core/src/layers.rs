//! The building blocks a model is made of: a linear layer over dense or quantized weights, and a
//! token embedding that keeps quantized rows quantized until they are looked up.
use std::sync::Arc;

use candle_core::quantized::{ggml_file::qtensor_from_ggml, GgmlDType, QMatMul, QTensor};
use candle_core::{Device, Module, Tensor};

use crate::packed::PackedMatrix;
use crate::{matvec, Result};

/// `y = x W^T + b` with `W` either f32 or a GGML-quantized tensor (Q8_0, Q4_0, ...).
pub enum Linear {
    Dense {
        w: Tensor,
        b: Option<Tensor>,
    },
    Quantized {
        w: QMatMul,
        /// The same weights, for the single-row (decode) kernels in `matvec`.
        q: Arc<QTensor>,
        b: Option<Tensor>,
    },
    /// Q8_0/Q4_0 repacked for this CPU's VNNI kernels (see `packed.rs`).
    Packed {
        p: Arc<PackedMatrix>,
        b: Option<Tensor>,
    },
}

impl Linear {
    /// Keeps block-quantized weights quantized (matmul on the quantized data); f32/f16/bf16
    /// weights become f32.
    pub fn from_qtensor(w: Arc<QTensor>, b: Option<Tensor>) -> Result<Self> {
        if is_float(w.dtype()) {
            let w = w.dequantize(&Device::Cpu)?;
            Ok(Linear::Dense { w, b })
        } else {
            Ok(Linear::Quantized {
                w: QMatMul::from_arc(w.clone())?,
                q: w,
                b,
            })
        }
    }

    /// `x`: (..., in) → (..., out).
    pub fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let dims = x.dims().to_vec();
        let (lead, inp) = dims.split_at(dims.len() - 1);
        let rows: usize = lead.iter().product();
        let x2 = x.reshape((rows, inp[0]))?;
        // Packed weights have one kernel for any row count; the others take the decode kernels
        // for a single row.
        let single = rows == 1 && !matches!(self, Linear::Packed { .. });
        let y = if single { self.matvec(&x2)? } else { None };
        let (y, b) = match (self, y) {
            (Linear::Packed { p, b }, _) => {
                let xv = x2.flatten_all()?.to_vec1::<f32>()?;
                let mut y = vec![0f32; rows * p.rows()];
                p.matmul(&xv, rows, &mut y)?;
                (Tensor::from_vec(y, (rows, p.rows()), &Device::Cpu)?, b)
            }
            (Linear::Dense { b, .. } | Linear::Quantized { b, .. }, Some(y)) => (y, b),
            (Linear::Dense { w, b }, None) => (x2.matmul(&w.t()?)?, b),
            (Linear::Quantized { w, b, .. }, None) => (w.forward(&x2)?, b),
        };
        let y = match b {
            Some(b) => y.broadcast_add(b)?,
            None => y,
        };
        let out = y.dim(1)?;
        let mut shape = lead.to_vec();
        shape.push(out);
        Ok(y.reshape(shape)?)
    }

    pub fn out_dim(&self) -> Result<usize> {
        Ok(match self {
            Linear::Dense { w, .. } => w.dim(0)?,
            Linear::Quantized { q, .. } => q.shape().dims2()?.0,
            Linear::Packed { p, .. } => p.rows(),
        })
    }

    /// Repacks Q8_0/Q4_0 weights for this CPU's fastest kernels where it can (after fusing).
    pub fn packed(self) -> Result<Self> {
        let Linear::Quantized { q, b, w } = self else {
            return Ok(self);
        };
        let kind = match q.dtype() {
            GgmlDType::Q8_0 => matvec::QKind::Q8_0,
            GgmlDType::Q4_0 => matvec::QKind::Q4_0,
            _ => return Ok(Linear::Quantized { w, q, b }),
        };
        let (rows, cols) = q.shape().dims2()?;
        match PackedMatrix::pack(kind, &q.data()?, rows, cols) {
            Some(p) => Ok(Linear::Packed { p: Arc::new(p), b }),
            None => Ok(Linear::Quantized { w, q, b }),
        }
    }

    /// One input row through the decode kernels; None where they do not apply.
    fn matvec(&self, x: &Tensor) -> Result<Option<Tensor>> {
        let xv = x.flatten_all()?.to_vec1::<f32>()?;
        let (out, ok) = match self {
            Linear::Dense { w, .. } => {
                let (rows, cols) = w.dims2()?;
                let (storage, layout) = w.storage_and_layout();
                let mut y = vec![0f32; rows];
                let ok = match (&*storage, layout.contiguous_offsets()) {
                    (
                        candle_core::Storage::Cpu(candle_core::CpuStorage::F32(data)),
                        Some((a, b)),
                    ) => matvec::dense(&data[a..b], rows, cols, &xv, &mut y),
                    _ => false,
                };
                (y, ok)
            }
            Linear::Packed { .. } => return Ok(None), // not reached: forward runs these itself
            Linear::Quantized { q, .. } => {
                let kind = match q.dtype() {
                    GgmlDType::Q8_0 => matvec::QKind::Q8_0,
                    GgmlDType::Q4_0 => matvec::QKind::Q4_0,
                    _ => return Ok(None),
                };
                let (rows, cols) = q.shape().dims2()?;
                let mut y = vec![0f32; rows];
                let ok = matvec::quantized(kind, &q.data()?, rows, cols, &xv, &mut y);
                (y, ok)
            }
        };
        if !ok {
            return Ok(None);
        }
        let n = out.len();
        Ok(Some(Tensor::from_vec(out, (1, n), &Device::Cpu)?))
    }
}

/// Several projections of the same input (q/k/v, gate/up) as one matrix when their weights
/// share a storage type: one pass over the input and one kernel launch instead of several.
pub enum Fused {
    One { linear: Linear, sizes: Vec<usize> },
    Many(Vec<Linear>),
}

impl Fused {
    pub fn new(parts: Vec<Linear>) -> Result<Self> {
        let sizes: Vec<usize> = parts.iter().map(Linear::out_dim).collect::<Result<_>>()?;
        let all_dense = parts.iter().all(|p| matches!(p, Linear::Dense { .. }));
        let bias_of = |p: &Linear| match p {
            Linear::Dense { b, .. } | Linear::Quantized { b, .. } | Linear::Packed { b, .. } => {
                b.clone()
            }
        };
        let biases: Vec<Option<Tensor>> = parts.iter().map(bias_of).collect();
        let b = if biases.iter().all(Option::is_some) {
            Some(Tensor::cat(
                &biases.iter().flatten().collect::<Vec<_>>(),
                0,
            )?)
        } else if biases.iter().all(Option::is_none) {
            None
        } else {
            return Ok(Fused::Many(
                parts
                    .into_iter()
                    .map(Linear::packed)
                    .collect::<Result<_>>()?,
            ));
        };
        if all_dense {
            let ws: Vec<&Tensor> = parts
                .iter()
                .filter_map(|p| match p {
                    Linear::Dense { w, .. } => Some(w),
                    _ => None,
                })
                .collect();
            let w = Tensor::cat(&ws, 0)?;
            return Ok(Fused::One {
                linear: Linear::Dense { w, b },
                sizes,
            });
        }
        let qs: Vec<&Arc<QTensor>> = parts
            .iter()
            .filter_map(|p| match p {
                Linear::Quantized { q, .. } => Some(q),
                _ => None,
            })
            .collect();
        let Some(first) = qs.first().filter(|_| qs.len() == parts.len()) else {
            return Ok(Fused::Many(
                parts
                    .into_iter()
                    .map(Linear::packed)
                    .collect::<Result<_>>()?,
            ));
        };
        let dtype = first.dtype();
        let cols = first.shape().dims2()?.1;
        if qs.len() != parts.len()
            || qs
                .iter()
                .any(|q| q.dtype() != dtype || q.shape().dims2().map(|d| d.1).ok() != Some(cols))
        {
            return Ok(Fused::Many(parts));
        }
        let mut data = Vec::new();
        for q in &qs {
            data.extend_from_slice(&q.data()?);
        }
        let rows: usize = sizes.iter().sum();
        let q = Arc::new(qtensor_from_ggml(
            dtype,
            &data,
            vec![rows, cols],
            &Device::Cpu,
        )?);
        Ok(Fused::One {
            linear: Linear::from_qtensor(q, b)?.packed()?,
            sizes,
        })
    }

    pub fn forward(&self, x: &Tensor) -> Result<Vec<Tensor>> {
        match self {
            Fused::Many(parts) => parts.iter().map(|p| p.forward(x)).collect(),
            Fused::One { linear, sizes } => {
                let y = linear.forward(x)?;
                let last = y.rank() - 1;
                let mut out = Vec::with_capacity(sizes.len());
                let mut at = 0;
                for &n in sizes {
                    out.push(y.narrow(last, at, n)?);
                    at += n;
                }
                Ok(out)
            }
        }
    }
}

pub(crate) fn is_float(d: GgmlDType) -> bool {
    matches!(d, GgmlDType::F32 | GgmlDType::F16 | GgmlDType::BF16)
}

/// Token embedding table. Quantized tables stay quantized (a Q4_0 table is ~1/7 of f32) and
/// only the looked-up rows are dequantized.
pub enum Embedding {
    Dense(Tensor),
    /// Rows of the (tied) output projection's packed weights.
    Packed(Arc<PackedMatrix>),
    Quantized {
        table: Arc<QTensor>,
        row_bytes: usize,
        hidden: usize,
    },
}

impl Embedding {
    pub fn from_qtensor(table: Arc<QTensor>) -> Result<Self> {
        let (rows, hidden) = table.shape().dims2()?;
        if is_float(table.dtype()) {
            return Ok(Embedding::Dense(table.dequantize(&Device::Cpu)?));
        }
        let row_bytes = table.storage_size_in_bytes() / rows.max(1);
        Ok(Embedding::Quantized {
            table,
            row_bytes,
            hidden,
        })
    }

    /// The table as a tied output projection, repacked for the fast kernels where possible; the
    /// embedding then reads its rows from that one copy.
    pub fn tie(self) -> Result<(Self, Linear)> {
        match self {
            Embedding::Dense(t) => {
                Ok((Embedding::Dense(t.clone()), Linear::Dense { w: t, b: None }))
            }
            Embedding::Packed(p) => {
                Ok((Embedding::Packed(p.clone()), Linear::Packed { p, b: None }))
            }
            Embedding::Quantized {
                table,
                row_bytes,
                hidden,
            } => match Linear::from_qtensor(table.clone(), None)?.packed()? {
                Linear::Packed { p, b } => {
                    Ok((Embedding::Packed(p.clone()), Linear::Packed { p, b }))
                }
                other => Ok((
                    Embedding::Quantized {
                        table,
                        row_bytes,
                        hidden,
                    },
                    other,
                )),
            },
        }
    }

    /// ids (already checked against the vocabulary) → (len, hidden) f32.
    pub fn forward(&self, ids: &[u32]) -> Result<Tensor> {
        match self {
            Embedding::Dense(t) => {
                let idx = Tensor::new(ids, t.device())?;
                Ok(t.index_select(&idx, 0)?)
            }
            Embedding::Packed(p) => {
                let mut rows = Vec::with_capacity(ids.len() * p.cols());
                for &id in ids {
                    let row = p.row(id as usize).ok_or(crate::Error::TokenOutOfVocab {
                        id,
                        vocab: p.rows(),
                    })?;
                    rows.extend_from_slice(&row);
                }
                Ok(Tensor::from_vec(rows, (ids.len(), p.cols()), &Device::Cpu)?)
            }
            Embedding::Quantized {
                table,
                row_bytes,
                hidden,
            } => {
                let data = table.data()?;
                let mut rows = Vec::with_capacity(ids.len());
                for &id in ids {
                    let start = id as usize * row_bytes;
                    let bytes = &data[start..start + row_bytes];
                    let q =
                        qtensor_from_ggml(table.dtype(), bytes, vec![1, *hidden], &Device::Cpu)?;
                    rows.push(q.dequantize(&Device::Cpu)?);
                }
                Ok(Tensor::cat(&rows, 0)?)
            }
        }
    }
}
