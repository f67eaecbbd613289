//! The building blocks a model is made of: a linear layer over dense or quantized weights, and a
//! token embedding that keeps quantized rows quantized until they are looked up.
use std::sync::Arc;

use candle_core::quantized::{ggml_file::qtensor_from_ggml, GgmlDType, QMatMul, QTensor};
use candle_core::{Device, Module, Tensor};

use crate::Result;

/// `y = x W^T + b` with `W` either f32 or a GGML-quantized tensor (Q8_0, Q4_0, ...).
pub enum Linear {
    Dense { w: Tensor, b: Option<Tensor> },
    Quantized { w: QMatMul, b: Option<Tensor> },
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
                w: QMatMul::from_arc(w)?,
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
        let (y, b) = match self {
            Linear::Dense { w, b } => (x2.matmul(&w.t()?)?, b),
            Linear::Quantized { w, b } => (w.forward(&x2)?, b),
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
}

pub(crate) fn is_float(d: GgmlDType) -> bool {
    matches!(d, GgmlDType::F32 | GgmlDType::F16 | GgmlDType::BF16)
}

/// Token embedding table. Quantized tables stay quantized (a Q4_0 table is ~1/7 of f32) and
/// only the looked-up rows are dequantized.
pub enum Embedding {
    Dense(Tensor),
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

    /// The table for a tied output projection.
    pub fn as_linear(&self) -> Result<Linear> {
        match self {
            Embedding::Dense(t) => Ok(Linear::Dense { w: t.clone(), b: None }),
            Embedding::Quantized { table, .. } => Linear::from_qtensor(table.clone(), None),
        }
    }

    /// ids (already checked against the vocabulary) → (len, hidden) f32.
    pub fn forward(&self, ids: &[u32]) -> Result<Tensor> {
        match self {
            Embedding::Dense(t) => {
                let idx = Tensor::new(ids, t.device())?;
                Ok(t.index_select(&idx, 0)?)
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
                    let q = qtensor_from_ggml(table.dtype(), bytes, vec![1, *hidden], &Device::Cpu)?;
                    rows.push(q.dequantize(&Device::Cpu)?);
                }
                Ok(Tensor::cat(&rows, 0)?)
            }
        }
    }
}
