//! tokenizer.json, tokenizer_config.json (its chat template) and a message, split at NULs: the
//! text side of a model as the loaders build it, then a prompt rendered and tokenized.
use tandem_core::chat::ChatTemplate;
use tandem_core::{ChatMessage, TextSide, Tokenizer};

pub fn run(data: &[u8]) {
    let [tok, cfg, msg] = super::parts::<3>(data);
    let msg = String::from_utf8_lossy(msg);
    let tokenizer = std::str::from_utf8(tok)
        .ok()
        .and_then(|t| Tokenizer::from_json(t).ok());
    // No property beyond "no crash" here: a fuzzed vocabulary may have holes, duplicate tokens
    // or ids past its size, so encode → decode need not round-trip.
    if let Some(t) = &tokenizer {
        if let Ok(ids) = t.encode(&msg, true) {
            for &id in &ids {
                let _ = t.id_to_token(id);
            }
            let _ = t.decode(&ids, false);
            let _ = t.decode(&ids, true);
        }
    }
    let template = match std::str::from_utf8(cfg) {
        Ok(c) => ChatTemplate::from_tokenizer_config(c),
        Err(_) => Ok(None),
    };
    let text = TextSide::new(tokenizer, template, vec![]);
    let messages = [
        ChatMessage::new("system", "Be brief."),
        ChatMessage::new("user", &msg),
    ];
    let _ = text.render(&messages);
    let _ = text.prompt_ids(&messages);
}
