//! GGUF files (f32, f16, Q8_0, Q4_0 tensors) as llama.cpp writes them: header checks, the model
//! config from metadata, tensor names mapped to Hugging Face names, and llama.cpp's q/k row
//! permutation undone so one model code path serves both formats.
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::sync::Arc;

use candle_core::quantized::gguf_file::{Content, Value, DEFAULT_ALIGNMENT};
use candle_core::quantized::{ggml_file::qtensor_from_ggml, GgmlDType, QTensor};
use candle_core::Device;

use crate::config::{Architecture, Config, RopeScaling};
use crate::finite::check_finite;
use crate::{Error, Result};

pub trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// An open GGUF file: parsed header and metadata, tensors read on request.
pub struct GgufFile {
    content: Content,
    reader: Box<dyn ReadSeek>,
    arch: String,
}

/// Checks magic, version and declared counts before anything is allocated from them, then walks
/// the rest of the header ([`walk`]) so that candle's reader only ever sees a file it can read.
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
    walk(
        &mut Walker {
            r: &mut *r,
            pos: 24,
            len,
        },
        kvs,
        tensors,
    )?;
    r.seek(SeekFrom::Start(0))
        .map_err(|e| Error::Gguf(e.to_string()))?;
    Ok(())
}

// Limits of candle-core 0.11.1's reader (quantized/gguf_file.rs): past them it is an error there,
// and so here.
/// Longest string (key, value, tensor name) candle reads.
const MAX_STRING_LEN: u64 = 1 << 30;
/// Longest array candle reads.
const MAX_ARRAY_LEN: u64 = 1 << 30;
/// Most tensor dimensions candle reads (GGML_MAX_DIMS).
const MAX_DIMS: u32 = 4;
// Limits of ours, stricter than candle's.
/// Deepest array nesting (a top-level value is at depth 0). Real files nest one deep; candle
/// recurses up to 64 levels.
const MAX_DEPTH: u32 = 16;
/// Array elements over all metadata values together. candle keeps each as a 32-byte `Value`, so
/// a file of one-byte elements would cost 32 times its size in memory; the largest tokenizers
/// have about a million entries (tokens, scores, types, merges).
const MAX_METADATA_ELEMENTS: u64 = 1 << 24;
/// How much of a key or tensor name is read, for errors; the rest is skipped unread.
const NAME_SHOWN: u64 = 256;
const ALIGNMENT_KEY: &[u8] = b"general.alignment";

/// Reads a GGUF file front to back without keeping it. The position is tracked here (a
/// `BufReader` is never asked for it) and every length is checked against the bytes left before
/// anything is read or skipped with it.
struct Walker<'a, R> {
    r: &'a mut R,
    pos: u64,
    len: u64,
}

impl<R: Read + Seek> Walker<'_, R> {
    fn need(&self, n: u64, what: &str) -> Result<()> {
        let left = self.len.saturating_sub(self.pos);
        if n > left {
            return Err(Error::GgufTruncated(format!(
                "{what} needs {n} bytes at offset {}, {left} are left",
                self.pos
            )));
        }
        Ok(())
    }

    fn fill(&mut self, buf: &mut [u8], what: &str) -> Result<()> {
        self.need(buf.len() as u64, what)?;
        self.r.read_exact(buf).map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => Error::GgufTruncated(format!("{what}: {e}")),
            _ => Error::Gguf(format!("{what}: {e}")),
        })?;
        self.pos += buf.len() as u64;
        Ok(())
    }

    fn bytes<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let mut b = [0u8; N];
        self.fill(&mut b, what)?;
        Ok(b)
    }

    fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(self.bytes(what)?))
    }

    fn u64(&mut self, what: &str) -> Result<u64> {
        Ok(u64::from_le_bytes(self.bytes(what)?))
    }

    /// Reads `n` bytes in pieces, without keeping them; false if `ok` is false for any piece.
    fn scan(&mut self, n: u64, what: &str, ok: impl Fn(&[u8]) -> bool) -> Result<bool> {
        self.need(n, what)?;
        let mut buf = [0u8; 4096];
        let mut left = n;
        let mut all = true;
        while left > 0 {
            let k = left.min(buf.len() as u64) as usize;
            self.fill(&mut buf[..k], what)?;
            all &= ok(&buf[..k]);
            left -= k as u64;
        }
        Ok(all)
    }

    fn skip(&mut self, n: u64, what: &str) -> Result<()> {
        if n <= 4096 {
            // through the reader's buffer: no seek for the many short strings of a tokenizer
            self.scan(n, what, |_| true).map(|_| ())
        } else {
            self.need(n, what)?;
            self.pos += n;
            self.r
                .seek(SeekFrom::Start(self.pos))
                .map(|_| ())
                .map_err(|e| Error::Gguf(format!("{what}: {e}")))
        }
    }

    /// A string's length, within candle's limit and the file.
    fn string_len(&mut self, what: &str) -> Result<u64> {
        let n = self.u64(what)?;
        if n > MAX_STRING_LEN {
            return Err(Error::Gguf(format!(
                "{what} is {n} bytes, more than the {MAX_STRING_LEN} a reader accepts"
            )));
        }
        self.need(n, what)?;
        Ok(n)
    }

    /// A key or tensor name: its first [`NAME_SHOWN`] bytes as text (for errors), and whether
    /// candle reads it as `general.alignment` (candle drops trailing NULs). Only that prefix is
    /// ever held in memory.
    fn name(&mut self, what: &str) -> Result<(String, bool)> {
        let n = self.string_len(what)?;
        let mut head = vec![0u8; n.min(NAME_SHOWN) as usize];
        self.fill(&mut head, what)?;
        let rest = n - head.len() as u64;
        let zeros = |b: &[u8]| b.iter().all(|&x| x == 0);
        let alignment = head.starts_with(ALIGNMENT_KEY)
            && zeros(&head[ALIGNMENT_KEY.len()..])
            && self.scan(rest, what, zeros)?;
        if !alignment {
            self.skip(rest, what)?;
        }
        let end = head.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        let mut text = String::from_utf8_lossy(&head[..end]).into_owned();
        if rest > 0 {
            text.push_str(&format!("… ({n} bytes)"));
        }
        Ok((text, alignment))
    }

    /// Skips one metadata value of GGUF type `t`, checking it as candle would read it: a known
    /// type, a bool of 0 or 1, strings and arrays within candle's limits and the file, and
    /// arrays nested at most [`MAX_DEPTH`] deep. `elements` counts array elements so far.
    fn value(&mut self, t: u32, depth: u32, elements: &mut u64) -> Result<()> {
        match t {
            7 => {
                let [b] = self.bytes::<1>("a bool")?;
                if b > 1 {
                    return Err(Error::Gguf(format!("bool value {b} (must be 0 or 1)")));
                }
            }
            8 => {
                let n = self.string_len("a string")?;
                self.skip(n, "a string")?;
            }
            9 => {
                if depth >= MAX_DEPTH {
                    return Err(Error::Gguf(format!(
                        "arrays nested more than {MAX_DEPTH} deep"
                    )));
                }
                let et = self.u32("an array's element type")?;
                let size = min_size(et)
                    .ok_or_else(|| Error::Gguf(format!("unknown array element type {et}")))?;
                let n = self.u64("an array's length")?;
                if n > MAX_ARRAY_LEN {
                    return Err(Error::Gguf(format!(
                        "array of {n} elements, more than the {MAX_ARRAY_LEN} a reader accepts"
                    )));
                }
                // candle's own bound before it allocates; with it, n * size cannot overflow
                self.need(n.saturating_mul(size), "an array's elements")?;
                *elements += n;
                if *elements > MAX_METADATA_ELEMENTS {
                    return Err(Error::Gguf(format!(
                        "more than {MAX_METADATA_ELEMENTS} array elements in the metadata"
                    )));
                }
                match et {
                    7 => {
                        if !self.scan(n, "an array of bools", |b| b.iter().all(|&x| x <= 1))? {
                            return Err(Error::Gguf("bool value other than 0 or 1".into()));
                        }
                    }
                    8 | 9 => {
                        for _ in 0..n {
                            self.value(et, depth + 1, elements)?;
                        }
                    }
                    _ => self.skip(n * size, "an array's elements")?,
                }
            }
            _ => {
                let size = min_size(t).ok_or_else(|| Error::Gguf(format!("unknown type {t}")))?;
                self.skip(size, "a value")?;
            }
        }
        Ok(())
    }

    /// A `general.alignment` value: an integer type candle honours (it silently falls back to 32
    /// for any other, and llama.cpp reads a u32), positive and a power of two as llama.cpp
    /// requires. Zero is what candle would divide by.
    fn alignment(&mut self, t: u32) -> Result<u64> {
        let v: i64 = match t {
            0 => u8::from_le_bytes(self.bytes("a value")?).into(),
            1 => i8::from_le_bytes(self.bytes("a value")?).into(),
            2 => u16::from_le_bytes(self.bytes("a value")?).into(),
            3 => i16::from_le_bytes(self.bytes("a value")?).into(),
            4 => u32::from_le_bytes(self.bytes("a value")?).into(),
            5 => i32::from_le_bytes(self.bytes("a value")?).into(),
            _ => {
                return Err(Error::Gguf(format!(
                    "must be an unsigned 32-bit integer, not GGUF type {t}"
                )))
            }
        };
        match u64::try_from(v) {
            Ok(0) => Err(Error::Gguf("must be > 0".into())),
            Ok(a) if a.is_power_of_two() => Ok(a),
            _ => Err(Error::Gguf(format!("{v} is not a power of two"))),
        }
    }
}

/// Bytes of one GGUF value of type `t`, at least (a string's or array's length prefix); None
/// for a type candle does not know.
fn min_size(t: u32) -> Option<u64> {
    match t {
        0 | 1 | 7 => Some(1),
        2 | 3 => Some(2),
        4..=6 => Some(4),
        8 | 10..=12 => Some(8),
        9 => Some(12),
        _ => None,
    }
}

/// The ggml tensor types candle's reader knows (`GgmlDType::from_u32`, which is private).
fn ggml_dtype(id: u32) -> Option<GgmlDType> {
    Some(match id {
        0 => GgmlDType::F32,
        1 => GgmlDType::F16,
        2 => GgmlDType::Q4_0,
        3 => GgmlDType::Q4_1,
        6 => GgmlDType::Q5_0,
        7 => GgmlDType::Q5_1,
        8 => GgmlDType::Q8_0,
        9 => GgmlDType::Q8_1,
        10 => GgmlDType::Q2K,
        11 => GgmlDType::Q3K,
        12 => GgmlDType::Q4K,
        13 => GgmlDType::Q5K,
        14 => GgmlDType::Q6K,
        15 => GgmlDType::Q8K,
        30 => GgmlDType::BF16,
        _ => return None,
    })
}

/// Walks everything candle's `Content::read` reads after the 24-byte header, and what
/// `TensorInfo::read` then relies on, without keeping any of it: every metadata entry (see
/// [`Walker::value`]; any `general.alignment` must be valid, the last one counts as in candle's
/// map), then every tensor info (name; at most [`MAX_DIMS`] dimensions whose product fits a
/// `usize`; a known ggml type whose block size divides it; an offset that is a multiple of the
/// alignment) and, with the data offset computed as candle does, every tensor inside the file.
/// Nothing malformed is left for candle to find.
fn walk<R: Read + Seek>(w: &mut Walker<'_, R>, kvs: u64, tensors: u64) -> Result<()> {
    let mut alignment = DEFAULT_ALIGNMENT;
    let mut elements = 0u64;
    for i in 0..kvs {
        let (key, is_alignment) = w
            .name("a metadata key")
            .map_err(|e| in_context(e, &format!("metadata entry {i}")))?;
        let named = |e| match e {
            Error::Gguf(reason) => Error::GgufMetadata {
                key: key.clone(),
                reason,
            },
            e => in_context(e, &format!("metadata key {key:?}")),
        };
        let t = w.u32("a value type").map_err(named)?;
        if is_alignment {
            alignment = w.alignment(t).map_err(named)?;
        } else {
            w.value(t, 0, &mut elements).map_err(named)?;
        }
    }
    // The tensor whose data ends last: the one to name if the data runs past the file.
    let mut last: Option<(u64, String)> = None;
    for i in 0..tensors {
        let (name, _) = w
            .name("a tensor name")
            .map_err(|e| in_context(e, &format!("tensor info {i}")))?;
        let bad = |what: String| Error::Gguf(format!("tensor {name:?}: {what}"));
        let cut = |e| in_context(e, &format!("tensor {name:?}"));
        let n_dims = w.u32("a dimension count").map_err(cut)?;
        if n_dims > MAX_DIMS {
            return Err(bad(format!("{n_dims} dimensions, at most {MAX_DIMS}")));
        }
        let mut elems = 1u64;
        for _ in 0..n_dims {
            let d = w.u64("a dimension").map_err(cut)?;
            // candle views an empty tensor's (dangling, byte-aligned) buffer as blocks of its
            // type: undefined behaviour, an abort in debug builds. No weight is empty.
            if d == 0 {
                return Err(bad("a dimension of 0: an empty tensor".into()));
            }
            elems = elems
                .checked_mul(d)
                .filter(|&n| usize::try_from(n).is_ok())
                .ok_or_else(|| bad("its dimensions multiply past this platform's usize".into()))?;
        }
        let id = w.u32("a ggml type").map_err(cut)?;
        let dtype = ggml_dtype(id).ok_or_else(|| Error::TensorDtype {
            name: name.clone(),
            dtype: format!("ggml type id {id} (unknown)"),
        })?;
        let (block, type_size) = (dtype.block_size() as u64, dtype.type_size() as u64);
        if !elems.is_multiple_of(block) {
            return Err(bad(format!(
                "{elems} elements are not whole {dtype:?} blocks of {block}"
            )));
        }
        let size = (elems / block)
            .checked_mul(type_size)
            .filter(|&n| usize::try_from(n).is_ok())
            .ok_or_else(|| bad("its size in bytes overflows".into()))?;
        let offset = w.u64("a tensor offset").map_err(cut)?;
        if !offset.is_multiple_of(alignment) {
            return Err(bad(format!(
                "offset {offset} is not a multiple of general.alignment ({alignment})"
            )));
        }
        let end = offset
            .checked_add(size)
            .ok_or_else(|| bad(format!("offset {offset} + {size} bytes overflows")))?;
        if last.as_ref().is_none_or(|(e, _)| end > *e) {
            last = Some((end, name));
        }
    }
    // As candle: the data starts at the end of the tensor infos, rounded up to the alignment.
    let data = w
        .pos
        .div_ceil(alignment)
        .checked_mul(alignment)
        .ok_or_else(|| Error::Gguf("the tensor data offset overflows".into()))?;
    if let Some((end, name)) = last {
        if data.checked_add(end).is_none_or(|e| e > w.len) {
            return Err(Error::GgufTruncated(format!(
                "tensor {name:?} ends at byte {data} + {end}, the file has {} bytes",
                w.len
            )));
        }
    }
    Ok(())
}

/// Says where a truncation was found.
fn in_context(e: Error, at: &str) -> Error {
    match e {
        Error::GgufTruncated(m) => Error::GgufTruncated(format!("{at}: {m}")),
        Error::Gguf(m) => Error::Gguf(format!("{at}: {m}")),
        e => e,
    }
}

/// Runs one of candle's GGUF readers with a panic turned into [`Error::Gguf`]: a second line of
/// defence behind [`check_header`]'s walk, which rejects everything candle is known to trip on.
/// Native builds only in effect: on wasm32 a panic aborts (panic = "abort"), so there the walk is
/// the real fix.
fn no_panic<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Error::Gguf(format!("{what}: the GGUF reader panicked: {msg}"))
    })
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
        let content = no_panic("header", || Content::read(&mut reader))?.map_err(|e| {
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

    /// `general.architecture`, the prefix of the model's metadata keys.
    pub fn architecture(&self) -> &str {
        &self.arch
    }

    /// Every tensor's GGUF name.
    pub fn tensor_names(&self) -> impl Iterator<Item = &str> {
        self.content.tensor_infos.keys().map(String::as_str)
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

    /// A tensor by its GGUF name, as stored, checked to hold no NaN or infinity
    /// ([`Error::NonFiniteWeight`]): every GGUF weight read comes through here.
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
        let offset = self.content.tensor_data_offset;
        let reader = &mut self.reader;
        let t = no_panic(gguf_name, || info.read(reader, offset, &Device::Cpu))?
            .map_err(|e| Error::GgufTruncated(format!("tensor {gguf_name:?}: {e}")))?;
        check_finite(gguf_name, t.dtype(), &t.data()?)?;
        Ok(t)
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
