//! One view over every weight source, by Hugging Face tensor name and in Hugging Face layout.
use std::collections::HashMap;
use std::sync::Arc;

use candle_core::quantized::QTensor;
use candle_core::{Device, Tensor};

use crate::config::Config;
use crate::gguf::GgufFile;
use crate::layers::{is_float, Embedding, Linear};
use crate::safetensors_file::SafetensorsWeights;
use crate::{Error, Result};

pub enum Weights {
    Safetensors(SafetensorsWeights),
    Gguf(GgufFile),
    /// Named tensors already in memory (HF names and layout): random benchmark weights.
    Memory(HashMap<String, Arc<QTensor>>),
}

enum Weight {
    Dense(Tensor),
    Quantized(Arc<QTensor>),
}

impl Weight {
    fn dims(&self) -> Vec<usize> {
        match self {
            Weight::Dense(t) => t.dims().to_vec(),
            Weight::Quantized(q) => q.shape().dims().to_vec(),
        }
    }
}

impl Weights {
    pub fn contains(&self, name: &str) -> bool {
        match self {
            Weights::Safetensors(s) => s.contains(name),
            Weights::Gguf(g) => {
                crate::gguf::gguf_tensor_name(name).is_some_and(|n| g.has_tensor(&n))
            }
            Weights::Memory(m) => m.contains_key(name),
        }
    }

    fn get(&mut self, name: &str, cfg: &Config, shape: &[usize]) -> Result<Weight> {
        let w = match self {
            Weights::Safetensors(s) => {
                // Check the shape from the header before converting any data.
                if let Some(actual) = s.shape(name) {
                    check_shape(name, &actual, shape)?;
                }
                Weight::Dense(s.tensor_f32(name, &Device::Cpu)?)
            }
            Weights::Gguf(g) => Weight::Quantized(g.tensor_hf(name, cfg)?),
            // Taken out, so each tensor's memory goes as soon as the model holds its own form.
            Weights::Memory(m) => Weight::Quantized(
                m.remove(name)
                    .ok_or_else(|| Error::MissingTensor(name.to_string()))?,
            ),
        };
        check_shape(name, &w.dims(), shape)?;
        Ok(w)
    }

    /// A 1-D f32 vector (norm weight, bias).
    pub fn vector(&mut self, name: &str, len: usize, cfg: &Config) -> Result<Tensor> {
        match self.get(name, cfg, &[len])? {
            Weight::Dense(t) => Ok(t),
            Weight::Quantized(q) => Ok(q.dequantize(&Device::Cpu)?),
        }
    }

    /// A linear layer `prefix.weight` (out, in) with an optional `prefix.bias`.
    pub fn linear(
        &mut self,
        prefix: &str,
        out: usize,
        inp: usize,
        bias: bool,
        cfg: &Config,
    ) -> Result<Linear> {
        let b = if bias {
            Some(self.vector(&format!("{prefix}.bias"), out, cfg)?)
        } else {
            None
        };
        match self.get(&format!("{prefix}.weight"), cfg, &[out, inp])? {
            Weight::Dense(w) => Ok(Linear::Dense { w, b }),
            Weight::Quantized(q) => {
                if !is_float(q.dtype()) && !inp.is_multiple_of(q.dtype().block_size()) {
                    return Err(Error::TensorShape {
                        name: format!("{prefix}.weight"),
                        expected: vec![out, inp],
                        actual: q.shape().dims().to_vec(),
                    });
                }
                Linear::from_qtensor(q, b)
            }
        }
    }

    pub fn embedding(
        &mut self,
        name: &str,
        vocab: usize,
        hidden: usize,
        cfg: &Config,
    ) -> Result<Embedding> {
        match self.get(name, cfg, &[vocab, hidden])? {
            Weight::Dense(t) => Ok(Embedding::Dense(t)),
            Weight::Quantized(q) => Embedding::from_qtensor(q),
        }
    }
}

fn check_shape(name: &str, actual: &[usize], expected: &[usize]) -> Result<()> {
    if actual != expected {
        return Err(Error::TensorShape {
            name: name.to_string(),
            expected: expected.to_vec(),
            actual: actual.to_vec(),
        });
    }
    Ok(())
}
