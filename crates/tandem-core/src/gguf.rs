//! GGUF files (f32, f16, Q8_0, Q4_0 tensors) as llama.cpp writes them: header checks, the model
//! config from metadata, tensor names mapped to Hugging Face names, and llama.cpp's q/k row
//! permutation undone so one model code path serves both formats.
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::sync::Arc;

use candle_core::quantized::gguf_file::{Content, Value};
use candle_core::quantized::{ggml_file::qtensor_from_ggml, GgmlDType, QTensor};
use candle_core::Device;

use crate::config::{Architecture, Config, RopeScaling};
use crate::{Error, Result};

pub trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// An open GGUF file: parsed header and metadata, tensors read on request.
pub struct GgufFile {
    content: Content,
    reader: Box<dyn ReadSeek>,
    arch: String,
}

/// Checks magic, version and declared counts before anything is allocated from them.
fn check_header<R: Read + Seek>(r: &mut R) -> Result<()> {
    let len = r
        .seek(SeekFrom::End(0))
        .map_err(|e| Error::Gguf(e.to_string()))?;
    r.seek(SeekFrom::Start(0))
        .map_err(|e| Error::Gguf(e.to_string()))?;
    let mut head = [0u8; 24];
    let n = read_up_to(r, &mut head)?;
    if n < 4 {
        return Err(Error::GgufTruncated(format!(
            "{len} bytes, not even a magic number"
        )));
    }
    let magic: [u8; 4] = [head[0], head[1], head[2], head[3]];
    if &magic != b"GGUF" {
        return Err(Error::GgufMagic(magic));
    }
    if n < 24 {
        return Err(Error::GgufTruncated(format!(
            "header needs 24 bytes, file has {len}"
        )));
    }
    let version = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    if version != 2 && version != 3 {
        return Err(Error::GgufVersion(version));
    }
    let u64_at = |o: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&head[o..o + 8]);
        u64::from_le_bytes(b)
    };
    let tensors = u64_at(8);
    let kvs = u64_at(16);
    // Smallest possible entries: a tensor info is name(8+0) + n_dims(4) + dtype(4) + offset(8),
    // a metadata entry key(8+0) + type(4) + one byte of value.
    if tensors.saturating_mul(24) > len {
        return Err(Error::GgufCount {
            what: "tensors",
            count: tensors,
            file_len: len,
        });
    }
    if kvs.saturating_mul(13) > len {
        return Err(Error::GgufCount {
            what: "metadata entries",
            count: kvs,
            file_len: len,
        });
    }
    check_alignment(r, kvs, len)?;
    r.seek(SeekFrom::Start(0))
        .map_err(|e| Error::Gguf(e.to_string()))?;
    Ok(())
}

/// Walks the metadata (without keeping it) to reject a `general.alignment` of 0, which candle's
/// reader would divide by. Anything malformed is left for candle's reader to report.
fn check_alignment<R: Read + Seek>(r: &mut R, kvs: u64, len: u64) -> Result<()> {
    fn u32_at<R: Read>(r: &mut R) -> Option<u32> {
        let mut b = [0u8; 4];
        r.read_exact(&mut b).ok()?;
        Some(u32::from_le_bytes(b))
    }
    fn u64_at<R: Read>(r: &mut R) -> Option<u64> {
        let mut b = [0u8; 8];
        r.read_exact(&mut b).ok()?;
        Some(u64::from_le_bytes(b))
    }
    fn skip<R: Read + Seek>(r: &mut R, n: u64, len: u64) -> Option<()> {
        let pos = r.stream_position().ok()?;
        let to = pos.checked_add(n).filter(|&to| to <= len)?;
        r.seek(SeekFrom::Start(to)).ok().map(|_| ())
    }
    /// Bytes of a scalar GGUF value type; None for strings (8) and arrays (9).
    fn scalar_size(t: u32) -> Option<u64> {
        match t {
            0 | 1 | 7 => Some(1),
            2 | 3 => Some(2),
            4..=6 => Some(4),
            10..=12 => Some(8),
            _ => None,
        }
    }
    fn skip_value<R: Read + Seek>(r: &mut R, t: u32, len: u64, depth: u32) -> Option<()> {
        match t {
            8 => {
                let n = u64_at(r)?;
                skip(r, n, len)
            }
            9 if depth < 4 => {
                let et = u32_at(r)?;
                let n = u64_at(r)?;
                match scalar_size(et) {
                    Some(sz) => skip(r, n.checked_mul(sz)?, len),
                    None => (0..n).try_for_each(|_| skip_value(r, et, len, depth + 1)),
                }
            }
            _ => skip(r, scalar_size(t)?, len),
        }
    }
    r.seek(SeekFrom::Start(24))
        .map_err(|e| Error::Gguf(e.to_string()))?;
    for _ in 0..kvs {
        let Some(klen) = u64_at(r).filter(|&n| n <= 65_536) else {
            return Ok(());
        };
        let mut key = vec![0u8; klen as usize];
        if r.read_exact(&mut key).is_err() {
            return Ok(());
        }
        let Some(t) = u32_at(r) else { return Ok(()) };
        if key == b"general.alignment" {
            // integer types only (candle ignores float/bool alignments)
            let zero = match (t, scalar_size(t)) {
                (0..=5 | 10 | 11, Some(sz)) => {
                    let mut b = [0u8; 8];
                    r.read_exact(&mut b[..sz as usize]).is_ok() && u64::from_le_bytes(b) == 0
                }
                _ => false,
            };
            if zero {
                return Err(Error::GgufMetadata {
                    key: "general.alignment".into(),
                    reason: "must be > 0".into(),
                });
            }
            return Ok(());
        }
        if skip_value(r, t, len, 0).is_none() {
            return Ok(());
        }
    }
    Ok(())
}

fn read_up_to<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Gguf(e.to_string())),
        }
    }
    Ok(n)
}

/// llama.cpp's converter reorders the rows of q/k for the `llama` architecture so that its
/// interleaved rope equals HF's half-split rope: GGUF row `i` holds HF row `perm[i]`.
pub(crate) fn llama_qk_row_perm(rows: usize, n_head: usize) -> Vec<usize> {
    let hd = rows / n_head;
    let half = hd / 2;
    let mut perm = Vec::with_capacity(rows);
    for h in 0..n_head {
        for j in 0..half {
            for k in 0..2 {
                perm.push(h * hd + k * half + j);
            }
        }
    }
    perm
}

/// Reorders whole rows of a (rows, cols) tensor: `out[perm[i]] = in[i]` when `inverse`, else
/// `out[i] = in[perm[i]]`. Works on quantized data since each row is a whole number of blocks.
pub(crate) fn permute_rows(t: &QTensor, perm: &[usize], inverse: bool) -> Result<QTensor> {
    let dims = t.shape().dims().to_vec();
    let rows = dims.first().copied().unwrap_or(0);
    if rows == 0 || perm.len() != rows {
        return Err(Error::Gguf(format!(
            "cannot reorder {rows} rows with {} indices",
            perm.len()
        )));
    }
    let data = t.data()?;
    let row_bytes = data.len() / rows;
    let mut out = vec![0u8; data.len()];
    for (i, &p) in perm.iter().enumerate() {
        let (dst, src) = if inverse { (p, i) } else { (i, p) };
        out[dst * row_bytes..(dst + 1) * row_bytes]
            .copy_from_slice(&data[src * row_bytes..(src + 1) * row_bytes]);
    }
    Ok(qtensor_from_ggml(t.dtype(), &out, dims, &Device::Cpu)?)
}

/// The GGUF name of a Hugging Face tensor name.
pub fn gguf_tensor_name(hf: &str) -> Option<String> {
    match hf {
        "model.embed_tokens.weight" => return Some("token_embd.weight".into()),
        "model.norm.weight" => return Some("output_norm.weight".into()),
        "lm_head.weight" => return Some("output.weight".into()),
        _ => {}
    }
    let rest = hf.strip_prefix("model.layers.")?;
    let (layer, rest) = rest.split_once('.')?;
    let (module, kind) = rest.rsplit_once('.')?;
    let g = match module {
        "self_attn.q_proj" => "attn_q",
        "self_attn.k_proj" => "attn_k",
        "self_attn.v_proj" => "attn_v",
        "self_attn.o_proj" => "attn_output",
        "mlp.gate_proj" => "ffn_gate",
        "mlp.up_proj" => "ffn_up",
        "mlp.down_proj" => "ffn_down",
        "input_layernorm" => "attn_norm",
        "post_attention_layernorm" => "ffn_norm",
        _ => return None,
    };
    Some(format!("blk.{layer}.{g}.{kind}"))
}

impl GgufFile {
    pub fn read(mut reader: Box<dyn ReadSeek>) -> Result<Self> {
        check_header(&mut reader)?;
        let content = Content::read(&mut reader).map_err(|e| {
            let msg = e.to_string();
            if msg.contains("failed to fill whole buffer") || msg.contains("remaining") {
                Error::GgufTruncated(msg)
            } else {
                Error::Gguf(msg)
            }
        })?;
        let arch = match content.metadata.get("general.architecture") {
            Some(Value::String(s)) => s.clone(),
            _ => {
                return Err(Error::GgufMetadata {
                    key: "general.architecture".into(),
                    reason: "missing or not a string".into(),
                })
            }
        };
        Ok(Self {
            content,
            reader,
            arch,
        })
    }

    pub fn metadata(&self) -> &HashMap<String, Value> {
        &self.content.metadata
    }

    pub fn has_tensor(&self, gguf_name: &str) -> bool {
        self.content.tensor_infos.contains_key(gguf_name)
    }

    fn meta_u64(&self, key: &str) -> Result<Option<u64>> {
        let key = key.replace("{arch}", &self.arch);
        match self.content.metadata.get(&key) {
            None => Ok(None),
            Some(v) => v.to_u64().map(Some).map_err(|e| Error::GgufMetadata {
                key,
                reason: e.to_string(),
            }),
        }
    }

    fn meta_f64(&self, key: &str) -> Result<Option<f64>> {
        let key = key.replace("{arch}", &self.arch);
        match self.content.metadata.get(&key) {
            None => Ok(None),
            Some(Value::F32(v)) => Ok(Some(*v as f64)),
            Some(Value::F64(v)) => Ok(Some(*v)),
            Some(_) => Err(Error::GgufMetadata {
                key,
                reason: "not a float".into(),
            }),
        }
    }

    fn need_u64(&self, key: &str) -> Result<usize> {
        match self.meta_u64(key)? {
            Some(v) if v > 0 => usize::try_from(v).map_err(|_| Error::GgufMetadata {
                key: key.replace("{arch}", &self.arch),
                reason: format!("{v} does not fit this platform's usize"),
            }),
            _ => Err(Error::GgufMetadata {
                key: key.replace("{arch}", &self.arch),
                reason: "missing or zero".into(),
            }),
        }
    }

    /// The model config from GGUF metadata (and which tensors exist).
    pub fn config(&mut self) -> Result<Config> {
        let architecture = match self.arch.as_str() {
            "llama" => Architecture::Llama,
            "qwen2" => Architecture::Qwen2,
            other => return Err(Error::UnsupportedArchitecture(other.to_string())),
        };
        if let Some(Value::String(kind)) = self
            .content
            .metadata
            .get(&format!("{}.rope.scaling.type", self.arch))
        {
            if kind != "none" && kind != "linear" {
                return Err(Error::Unsupported {
                    what: format!("GGUF rope scaling {kind:?}"),
                });
            }
        }
        let hidden = self.need_u64("{arch}.embedding_length")?;
        let heads = self.need_u64("{arch}.attention.head_count")?;
        let head_dim = match self.meta_u64("{arch}.attention.key_length")? {
            Some(d) => usize::try_from(d).unwrap_or(0),
            None => hidden / heads,
        };
        let vocab_size = match self.meta_u64("{arch}.vocab_size")? {
            Some(v) => usize::try_from(v).unwrap_or(0),
            None => match self.content.metadata.get("tokenizer.ggml.tokens") {
                Some(Value::Array(a)) => a.len(),
                _ => match self.content.tensor_infos.get("token_embd.weight") {
                    Some(info) => match info.shape.dims().first() {
                        Some(&rows) => rows,
                        None => {
                            return Err(Error::TensorShape {
                                name: "token_embd.weight".into(),
                                expected: vec![0, hidden],
                                actual: Vec::new(),
                            })
                        }
                    },
                    None => return Err(Error::MissingTensor("token_embd.weight".into())),
                },
            },
        };
        let rope_scaling = if self.has_tensor("rope_freqs.weight") {
            let t = self.tensor("rope_freqs.weight")?;
            let f = t
                .dequantize(&Device::Cpu)?
                .flatten_all()?
                .to_vec1::<f32>()?;
            RopeScaling::Factors(f)
        } else {
            match self.meta_f64("{arch}.rope.scaling.factor")? {
                Some(f) if f != 1.0 && f > 0.0 => RopeScaling::Linear { factor: f },
                _ => RopeScaling::None,
            }
        };
        let eos = self.meta_u64("tokenizer.ggml.eos_token_id")?;
        let bos = self.meta_u64("tokenizer.ggml.bos_token_id")?;
        let cfg = Config {
            architecture,
            vocab_size,
            hidden_size: hidden,
            intermediate_size: self.need_u64("{arch}.feed_forward_length")?,
            num_hidden_layers: self.need_u64("{arch}.block_count")?,
            num_attention_heads: heads,
            num_key_value_heads: self
                .meta_u64("{arch}.attention.head_count_kv")?
                .map_or(Some(heads), |v| usize::try_from(v).ok())
                .unwrap_or(0),
            head_dim,
            rms_norm_eps: self
                .meta_f64("{arch}.attention.layer_norm_rms_epsilon")?
                .unwrap_or(1e-5),
            rope_theta: self.meta_f64("{arch}.rope.freq_base")?.unwrap_or(10_000.0),
            rope_scaling,
            max_position_embeddings: self.need_u64("{arch}.context_length")?,
            tie_word_embeddings: !self.has_tensor("output.weight"),
            qkv_bias: self.has_tensor("blk.0.attn_q.bias"),
            o_bias: self.has_tensor("blk.0.attn_output.bias"),
            mlp_bias: self.has_tensor("blk.0.ffn_up.bias"),
            bos_token_id: bos.and_then(|b| u32::try_from(b).ok()),
            eos_token_ids: eos
                .and_then(|e| u32::try_from(e).ok())
                .into_iter()
                .collect(),
        };
        cfg.validate()?;
        Ok(cfg)
    }

    /// A tensor by its GGUF name, as stored.
    pub fn tensor(&mut self, gguf_name: &str) -> Result<QTensor> {
        let info = self
            .content
            .tensor_infos
            .get(gguf_name)
            .ok_or_else(|| Error::MissingTensor(gguf_name.to_string()))?;
        match info.ggml_dtype {
            GgmlDType::F32
            | GgmlDType::F16
            | GgmlDType::BF16
            | GgmlDType::Q8_0
            | GgmlDType::Q4_0 => {}
            other => {
                return Err(Error::TensorDtype {
                    name: gguf_name.to_string(),
                    dtype: format!("{other:?} (supported: F32, F16, BF16, Q8_0, Q4_0)"),
                })
            }
        }
        info.read(
            &mut self.reader,
            self.content.tensor_data_offset,
            &Device::Cpu,
        )
        .map_err(|e| Error::GgufTruncated(format!("tensor {gguf_name:?}: {e}")))
    }

    /// A tensor by its Hugging Face name, in Hugging Face layout.
    pub fn tensor_hf(&mut self, hf_name: &str, cfg: &Config) -> Result<Arc<QTensor>> {
        let g =
            gguf_tensor_name(hf_name).ok_or_else(|| Error::MissingTensor(hf_name.to_string()))?;
        if !self.has_tensor(&g) {
            return Err(Error::MissingTensor(format!("{g} ({hf_name})")));
        }
        let t = self.tensor(&g)?;
        let heads = if hf_name.contains(".q_proj.") {
            Some(cfg.num_attention_heads)
        } else if hf_name.contains(".k_proj.") {
            Some(cfg.num_key_value_heads)
        } else {
            None
        };
        match heads {
            Some(h) if self.arch == "llama" => {
                let rows = t.shape().dims().first().copied().unwrap_or(0);
                if rows != h * cfg.head_dim {
                    return Err(Error::TensorShape {
                        name: g,
                        expected: vec![h * cfg.head_dim],
                        actual: t.shape().dims().to_vec(),
                    });
                }
                Ok(Arc::new(permute_rows(
                    &t,
                    &llama_qk_row_perm(rows, h),
                    true,
                )?))
            }
            _ => Ok(Arc::new(t)),
        }
    }
}
