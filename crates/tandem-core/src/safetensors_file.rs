//! Safetensors weights (f32/f16/bf16), one file or shards listed in `model.safetensors.index.json`.
//! Headers are validated up front (offsets, sizes, dtypes) so a lying or truncated file is a typed
//! error before any tensor is built; tensors are converted to f32 on request.
use std::collections::HashMap;

use candle_core::quantized::GgmlDType;
use candle_core::{DType, Device, Tensor};
use safetensors::tensor::{Dtype, Metadata, SafeTensors};

use crate::finite::check_finite;
use crate::{Error, Result};

/// One validated safetensors file held in memory.
pub struct SafetensorsFile {
    name: String,
    bytes: Vec<u8>,
    header_len: usize,
    metadata: Metadata,
}

impl SafetensorsFile {
    /// Validates `bytes` as a safetensors file; `name` is used in errors.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Self> {
        let name = name.into();
        let bad = |reason: String| Error::Safetensors {
            file: name.clone(),
            reason,
        };
        // `deserialize` checks the header JSON, that offsets are contiguous and match each
        // tensor's dtype and shape, and that the data section is exactly the rest of the file.
        SafeTensors::deserialize(&bytes).map_err(|e| bad(e.to_string()))?;
        let (header_len, metadata) =
            SafeTensors::read_metadata(&bytes).map_err(|e| bad(e.to_string()))?;
        Ok(Self {
            name,
            bytes,
            header_len,
            metadata,
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.metadata.tensors().into_keys().collect()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.metadata.info(name).is_some()
    }

    pub fn shape(&self, name: &str) -> Option<Vec<usize>> {
        self.metadata.info(name).map(|i| i.shape.clone())
    }

    /// The tensor as f32 on `device`.
    pub fn tensor_f32(&self, name: &str, device: &Device) -> Result<Tensor> {
        let (dtype, shape, data) = self.tensor_bytes(name)?;
        let t = Tensor::from_raw_buffer(data, dtype, &shape, device)?;
        Ok(t.to_dtype(DType::F32)?)
    }

    /// The tensor's stored dtype, shape and little-endian bytes (f32, f16 or bf16), checked to
    /// hold no NaN or infinity ([`Error::NonFiniteWeight`]): every weight read comes through here.
    pub fn tensor_bytes(&self, name: &str) -> Result<(DType, Vec<usize>, &[u8])> {
        let info = self
            .metadata
            .info(name)
            .ok_or_else(|| Error::MissingTensor(name.to_string()))?;
        let (start, end) = info.data_offsets;
        let base = 8 + self.header_len;
        let data = self
            .bytes
            .get(base + start..base + end)
            .ok_or_else(|| Error::Safetensors {
                file: self.name.clone(),
                reason: format!("tensor {name:?} lies outside the file"),
            })?;
        let (dtype, stored) = match info.dtype {
            Dtype::F32 => (DType::F32, GgmlDType::F32),
            Dtype::F16 => (DType::F16, GgmlDType::F16),
            Dtype::BF16 => (DType::BF16, GgmlDType::BF16),
            other => {
                return Err(Error::TensorDtype {
                    name: name.to_string(),
                    dtype: format!("{other:?}"),
                })
            }
        };
        check_finite(name, stored, data)?;
        Ok((dtype, info.shape.clone(), data))
    }
}

/// All weights of a checkpoint: one or more files and which file holds each tensor.
pub struct SafetensorsWeights {
    files: Vec<SafetensorsFile>,
    index: HashMap<String, usize>,
}

impl SafetensorsWeights {
    pub fn new(files: Vec<SafetensorsFile>) -> Self {
        let mut index = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            for n in f.names() {
                index.insert(n, i);
            }
        }
        Self { files, index }
    }

    /// Shard file names listed by a `model.safetensors.index.json`, in first-use order.
    pub fn shard_names(index_json: &str) -> Result<Vec<String>> {
        let v: serde_json::Value =
            serde_json::from_str(index_json).map_err(|e| Error::Safetensors {
                file: "model.safetensors.index.json".into(),
                reason: e.to_string(),
            })?;
        let map = v
            .get("weight_map")
            .and_then(|m| m.as_object())
            .ok_or_else(|| Error::Safetensors {
                file: "model.safetensors.index.json".into(),
                reason: "no \"weight_map\" object".into(),
            })?;
        let mut out: Vec<String> = Vec::new();
        for f in map.values() {
            let f = f.as_str().ok_or_else(|| Error::Safetensors {
                file: "model.safetensors.index.json".into(),
                reason: "weight_map values must be file names".into(),
            })?;
            if f.contains('/') || f.contains('\\') || f.contains("..") {
                return Err(Error::Safetensors {
                    file: "model.safetensors.index.json".into(),
                    reason: format!("shard name {f:?} is not a plain file name"),
                });
            }
            if !out.iter().any(|o| o == f) {
                out.push(f.to_string());
            }
        }
        Ok(out)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// Every tensor name of every shard.
    pub fn tensor_names(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    pub fn shape(&self, name: &str) -> Option<Vec<usize>> {
        self.index
            .get(name)
            .and_then(|&i| self.files[i].shape(name))
    }

    pub fn tensor_f32(&self, name: &str, device: &Device) -> Result<Tensor> {
        let &i = self
            .index
            .get(name)
            .ok_or_else(|| Error::MissingTensor(name.to_string()))?;
        self.files[i].tensor_f32(name, device)
    }

    pub fn tensor_bytes(&self, name: &str) -> Result<(DType, Vec<usize>, &[u8])> {
        let &i = self
            .index
            .get(name)
            .ok_or_else(|| Error::MissingTensor(name.to_string()))?;
        self.files[i].tensor_bytes(name)
    }
}
