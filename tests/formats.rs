//! Weight formats that are not committed: f16/bf16 and sharded safetensors, made here from the
//! committed f32 checkpoint.
#[path = "common.rs"]
mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;
use safetensors::tensor::{Dtype, TensorView};
use tandem_core::safetensors_file::SafetensorsFile;

fn read_f32_tensors(dir: &Path) -> Vec<(String, Vec<usize>, Vec<f32>)> {
    let f = SafetensorsFile::from_bytes(
        "model.safetensors",
        std::fs::read(dir.join("model.safetensors")).unwrap(),
    )
    .unwrap();
    let mut names = f.names();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let t = f
                .tensor_f32(&n, &tandem_core::candle_core::Device::Cpu)
                .unwrap();
            let shape = t.dims().to_vec();
            let v = t.flatten_all().unwrap().to_vec1::<f32>().unwrap();
            (n, shape, v)
        })
        .collect()
}

fn write_safetensors(path: &Path, tensors: &[(String, Vec<usize>, Dtype, Vec<u8>)]) {
    let views: Vec<(String, TensorView)> = tensors
        .iter()
        .map(|(n, s, d, b)| (n.clone(), TensorView::new(*d, s.clone(), b).unwrap()))
        .collect();
    safetensors::serialize_to_file(views, None, path).unwrap();
}

fn copy_side_files(from: &Path, to: &Path) {
    for f in ["config.json", "tokenizer.json", "tokenizer_config.json"] {
        std::fs::copy(from.join(f), to.join(f)).unwrap();
    }
}

/// Half-precision files load exactly: logits equal those of an f32 file holding the same
/// (rounded) values, and stay close to the f32 model.
#[test]
fn f16_and_bf16_safetensors() {
    for name in MODELS {
        let src = model_dir(name);
        let r = Reference::load(name);
        let seq = r.sequence("hf.f32");
        let tensors = read_f32_tensors(&src);
        // Rounding the weights moves logits by a small fraction of their range.
        let scale = r
            .logits("hf.f32")
            .iter()
            .flatten()
            .fold(0f32, |m, x| m.max(x.abs()));
        for (dtype, rel_tol) in [(Dtype::F16, 0.01f32), (Dtype::BF16, 0.05)] {
            let half_dir = tempfile::tempdir().unwrap();
            let rounded_dir = tempfile::tempdir().unwrap();
            let mut half = Vec::new();
            let mut rounded = Vec::new();
            for (n, s, v) in &tensors {
                let (bytes, back): (Vec<u8>, Vec<f32>) = match dtype {
                    Dtype::F16 => {
                        let h: Vec<half::f16> = v.iter().map(|&x| half::f16::from_f32(x)).collect();
                        (
                            h.iter().flat_map(|x| x.to_le_bytes()).collect(),
                            h.iter().map(|x| x.to_f32()).collect(),
                        )
                    }
                    _ => {
                        let h: Vec<half::bf16> =
                            v.iter().map(|&x| half::bf16::from_f32(x)).collect();
                        (
                            h.iter().flat_map(|x| x.to_le_bytes()).collect(),
                            h.iter().map(|x| x.to_f32()).collect(),
                        )
                    }
                };
                half.push((n.clone(), s.clone(), dtype, bytes));
                rounded.push((
                    n.clone(),
                    s.clone(),
                    Dtype::F32,
                    back.iter().flat_map(|x| x.to_le_bytes()).collect(),
                ));
            }
            write_safetensors(&half_dir.path().join("model.safetensors"), &half);
            write_safetensors(&rounded_dir.path().join("model.safetensors"), &rounded);
            copy_side_files(&src, half_dir.path());
            copy_side_files(&src, rounded_dir.path());
            let lh = prefill_logits(&tandem_core::load(half_dir.path()).unwrap(), &seq);
            let lr = prefill_logits(&tandem_core::load(rounded_dir.path()).unwrap(), &seq);
            assert_eq!(
                max_abs_diff(&lh, &lr),
                0.0,
                "{name} {dtype:?}: conversion is exact"
            );
            let d = max_abs_diff(&lh, &r.logits("hf.f32"));
            println!("{name} {dtype:?}: max |diff| vs f32 transformers = {d:.4} (logit range {scale:.2})");
            assert!(d <= rel_tol * scale, "{name} {dtype:?}: {d}");
        }
    }
}

/// A checkpoint split over shards with `model.safetensors.index.json` gives the same logits.
#[test]
fn sharded_safetensors() {
    for name in MODELS {
        let src = model_dir(name);
        let r = Reference::load(name);
        let tensors = read_f32_tensors(&src);
        let dir = tempfile::tempdir().unwrap();
        let mut weight_map = HashMap::new();
        let half = tensors.len() / 2;
        for (i, part) in [&tensors[..half], &tensors[half..]].iter().enumerate() {
            let file = format!("model-{:05}-of-00002.safetensors", i + 1);
            let t: Vec<_> = part
                .iter()
                .map(|(n, s, v)| {
                    weight_map.insert(n.clone(), file.clone());
                    (
                        n.clone(),
                        s.clone(),
                        Dtype::F32,
                        v.iter().flat_map(|x| x.to_le_bytes()).collect(),
                    )
                })
                .collect();
            write_safetensors(&dir.path().join(&file), &t);
        }
        let index = serde_json::json!({ "metadata": {}, "weight_map": weight_map });
        std::fs::write(
            dir.path().join("model.safetensors.index.json"),
            index.to_string(),
        )
        .unwrap();
        copy_side_files(&src, dir.path());
        let m = tandem_core::load(dir.path()).unwrap();
        let d = max_abs_diff(
            &prefill_logits(&m, &r.sequence("hf.f32")),
            &r.logits("hf.f32"),
        );
        assert!(d <= 1e-4, "{name}: {d}");
    }
}

/// A GGUF with f16 tensors (written here from the committed f32 GGUF, metadata unchanged) loads
/// and stays within f16 rounding of transformers.
#[test]
fn gguf_f16() {
    use tandem_core::candle_core::quantized::{gguf_file, GgmlDType, QTensor};
    use tandem_core::candle_core::Device;
    for name in MODELS {
        let path = model_dir(name).join(format!("{name}-f32.gguf"));
        let mut f = std::fs::File::open(&path).unwrap();
        let content = gguf_file::Content::read(&mut f).unwrap();
        let mut tensors = Vec::new();
        for (n, _) in content.tensor_infos.iter() {
            let t = content.tensor(&mut f, n, &Device::Cpu).unwrap();
            let t = if t.shape().dims().len() == 2 {
                QTensor::quantize(&t.dequantize(&Device::Cpu).unwrap(), GgmlDType::F16).unwrap()
            } else {
                t
            };
            tensors.push((n.clone(), t));
        }
        let meta: Vec<(&str, &gguf_file::Value)> = content
            .metadata
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        let refs: Vec<(&str, &QTensor)> = tensors.iter().map(|(n, t)| (n.as_str(), t)).collect();
        let mut out = std::io::Cursor::new(Vec::new());
        gguf_file::write(&mut out, &meta, &refs).unwrap();
        let m = tandem_core::load::from_gguf_bytes(out.into_inner(), None).unwrap();
        let r = Reference::load(name);
        let scale = r
            .logits("hf.f32")
            .iter()
            .flatten()
            .fold(0f32, |a, x| a.max(x.abs()));
        let d = max_abs_diff(
            &prefill_logits(&m, &r.sequence("hf.f32")),
            &r.logits("hf.f32"),
        );
        println!(
            "{name} GGUF f16: max |diff| vs f32 transformers = {d:.4} (logit range {scale:.1})"
        );
        assert!(d <= 0.01 * scale, "{name}: {d}");
    }
}
