//! A GGUF file held in memory, loaded as the browser loads one: header, metadata, tensor infos,
//! the config and tokenizer from the metadata, the chat template, the (quantized) tensors.
use tandem_core::ChatMessage;

pub fn run(data: &[u8]) {
    let Ok(m) = tandem_core::load::from_gguf_bytes(data.to_vec(), None) else {
        return;
    };
    super::micro::exercise(&m);
    if let Some(t) = m.text.maybe_tokenizer() {
        if let Ok(ids) = t.encode("Hello, wörld!", true) {
            let _ = t.decode(&ids, false);
        }
    }
    let _ = m.text.prompt_ids(&[ChatMessage::new("user", "hi")]);
}
