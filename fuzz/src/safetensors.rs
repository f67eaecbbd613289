//! A safetensors file (header, offsets, dtypes, data), then the same bytes as
//! model.safetensors.index.json, then the file as a micro model's weights.
use tandem_core::candle_core::Device;
use tandem_core::load::hf_parts;
use tandem_core::safetensors_file::{SafetensorsFile, SafetensorsWeights};

pub fn run(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(names) = SafetensorsWeights::shard_names(text) {
            for n in names {
                assert!(
                    !n.contains('/') && !n.contains('\\') && !n.contains(".."),
                    "{n:?}"
                );
            }
        }
    }
    let Ok(file) = SafetensorsFile::from_bytes("fuzz.safetensors", data.to_vec()) else {
        return;
    };
    for name in file.names() {
        let shape = file.shape(&name).expect("a listed tensor has a shape");
        if let Ok((dtype, s, bytes)) = file.tensor_bytes(&name) {
            assert_eq!(s, shape);
            let n: usize = s.iter().product();
            assert_eq!(bytes.len(), n * dtype.size_in_bytes(), "{name}");
        }
        let _ = file.tensor_f32(&name, &Device::Cpu);
    }
    if let Ok(parts) = hf_parts(super::micro::CONFIG, vec![file], None, Ok(None), vec![]) {
        if let Ok(m) = parts.load_cpu() {
            super::micro::exercise(&m);
        }
    }
}
