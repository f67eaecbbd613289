//! One view over every weight source, by Hugging Face tensor name and in Hugging Face layout.
use std::collections::HashMap;
use std::sync::Arc;

use candle_core::quantized::{GgmlDType, QTensor};
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

/// How a [`RawTensor`]'s bytes are laid out (GGUF block layouts for the quantized ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawDtype {
    F32,
    F16,
    /// Blocks of 32: f16 scale, 32 × i8 (34 bytes).
    Q8_0,
    /// Blocks of 32: f16 scale, 16 bytes of nibbles, element j low / j+16 high (18 bytes).
    Q4_0,
}

impl RawDtype {
    /// (elements, bytes) per block.
    pub fn block(self) -> (usize, usize) {
        match self {
            RawDtype::F32 => (1, 4),
            RawDtype::F16 => (1, 2),
            RawDtype::Q8_0 => (32, 34),
            RawDtype::Q4_0 => (32, 18),
        }
    }
}

/// A weight as stored (HF name and layout, rows = output features): what a GPU engine uploads
/// without going through the CPU engine's own forms.
#[derive(Debug, Clone)]
pub struct RawTensor {
    pub dtype: RawDtype,
    pub shape: Vec<usize>,
    pub data: Vec<u8>,
}

impl Weights {
    /// The tensor `name` of shape `shape`, in its stored form where that is f32, f16, Q8_0 or
    /// Q4_0; bf16 (and anything else candle reads) comes as f32.
    pub fn raw(&mut self, name: &str, shape: &[usize], cfg: &Config) -> Result<RawTensor> {
        use candle_core::DType;
        if let Weights::Safetensors(s) = self {
            let (dtype, actual, data) = s.tensor_bytes(name)?;
            check_shape(name, &actual, shape)?;
            let raw = |dtype, data: &[u8]| RawTensor {
                dtype,
                shape: actual.clone(),
                data: data.to_vec(),
            };
            return Ok(match dtype {
                DType::F32 => raw(RawDtype::F32, data),
                DType::F16 => raw(RawDtype::F16, data),
                _ => {
                    // converted from the bytes already checked, not read (and checked) again
                    let t = Tensor::from_raw_buffer(data, dtype, &actual, &Device::Cpu)?;
                    let v: Vec<f32> = t.to_dtype(DType::F32)?.flatten_all()?.to_vec1()?;
                    raw(RawDtype::F32, &f32_bytes(&v))
                }
            });
        }
        let q = match self.get(name, cfg, shape)? {
            Weight::Quantized(q) => q,
            Weight::Dense(_) => return Err(Error::MissingTensor(name.to_string())),
        };
        let dtype = match q.dtype() {
            GgmlDType::F32 => Some(RawDtype::F32),
            GgmlDType::F16 => Some(RawDtype::F16),
            GgmlDType::Q8_0 => Some(RawDtype::Q8_0),
            GgmlDType::Q4_0 => Some(RawDtype::Q4_0),
            _ => None,
        };
        let (dtype, data) = match dtype {
            Some(d) => (d, q.data()?.into_owned()),
            None => {
                let t = q.dequantize(&Device::Cpu)?.to_dtype(DType::F32)?;
                let v: Vec<f32> = t.flatten_all()?.to_vec1()?;
                (RawDtype::F32, f32_bytes(&v))
            }
        };
        let (per, bytes) = dtype.block();
        let n: usize = shape.iter().product();
        if !n.is_multiple_of(per) || data.len() != n / per * bytes {
            return Err(Error::TensorShape {
                name: name.to_string(),
                expected: shape.to_vec(),
                actual: q.shape().dims().to_vec(),
            });
        }
        Ok(RawTensor {
            dtype,
            shape: shape.to_vec(),
            data,
        })
    }
}

impl Weights {
    /// Rejects a config that declares fewer layers than the weights hold: the loader would read
    /// only the first layers and run a different model without a word. Checked once, from the
    /// tensor names, when the parts are opened; in-memory (random benchmark) weights are exempt.
    pub fn check_layer_count(&self, cfg: &Config) -> Result<()> {
        let n = cfg.num_hidden_layers;
        let (key, prefix, extra) = match self {
            Weights::Safetensors(s) => (
                "num_hidden_layers".to_string(),
                "model.layers.",
                first_extra_layer(s.tensor_names(), "model.layers.", n),
            ),
            Weights::Gguf(g) => (
                format!("{}.block_count", g.architecture()),
                "blk.",
                first_extra_layer(g.tensor_names(), "blk.", n),
            ),
            Weights::Memory(_) => return Ok(()),
        };
        match extra {
            None => Ok(()),
            Some((layer, name)) => Err(Error::InvalidConfig(format!(
                "{key} is {n} but the weights hold {name:?} (layer {layer}; \
                 every {prefix}N. with N < {n} is read, the rest would be ignored)"
            ))),
        }
    }
}

/// The lowest-numbered tensor `{prefix}{layer}.…` with `layer >= layers` (first by name within
/// that layer), so the error is the same whatever order the file lists its tensors in.
fn first_extra_layer<'a>(
    names: impl Iterator<Item = &'a str>,
    prefix: &str,
    layers: usize,
) -> Option<(usize, &'a str)> {
    names
        .filter_map(|name| {
            let (layer, _) = name.strip_prefix(prefix)?.split_once('.')?;
            let layer: usize = layer.parse().ok()?;
            (layer >= layers).then_some((layer, name))
        })
        .min()
}

fn f32_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_layers_are_found_whatever_the_order() {
        let names = [
            "model.layers.10.mlp.up_proj.weight",
            "model.layers.3.self_attn.q_proj.weight",
            "model.layers.2.mlp.up_proj.weight",
            "model.layers.2.input_layernorm.weight",
            "model.layers.x.weight",
            "model.norm.weight",
        ];
        let first = |layers| first_extra_layer(names.iter().copied(), "model.layers.", layers);
        assert_eq!(first(2), Some((2, "model.layers.2.input_layernorm.weight")));
        assert_eq!(first(4), Some((10, "model.layers.10.mlp.up_proj.weight")));
        assert_eq!(first(11), None);
    }
}
