//! The text side of a model: its tokenizer, its chat template (or why there is none) and the ids
//! that end a reply. Everything that turns a request's messages into prompt ids, and a request's
//! stop settings into the stop set, goes through here — the CLI, the server and the browser
//! engine alike.
use crate::chat::{ChatMessage, ChatTemplate};
use crate::request::Request;
use crate::tokenizer::Tokenizer;
use crate::{Error, Result};

pub struct TextSide {
    tokenizer: Option<Tokenizer>,
    template: Template,
    eos_ids: Vec<u32>,
}

enum Template {
    Ready(Box<ChatTemplate>),
    Missing,
    /// The model ships one that does not parse (the model still loads: logits and plain
    /// generation do not need it).
    Broken(String),
}

impl TextSide {
    /// `template`: the model's chat template as read (`Ok(None)`: it has none).
    pub fn new(
        tokenizer: Option<Tokenizer>,
        template: Result<Option<ChatTemplate>>,
        eos_ids: Vec<u32>,
    ) -> Self {
        let template = match template {
            Ok(Some(t)) => Template::Ready(Box::new(t)),
            Ok(None) => Template::Missing,
            Err(e) => Template::Broken(e.to_string()),
        };
        Self {
            tokenizer,
            template,
            eos_ids,
        }
    }

    /// The tokenizer, or [`Error::TokenizerMissing`].
    pub fn tokenizer(&self) -> Result<&Tokenizer> {
        self.tokenizer
            .as_ref()
            .ok_or_else(|| Error::TokenizerMissing("the model has no tokenizer.json".into()))
    }

    /// The tokenizer when there is one (generation without one streams ids only).
    pub fn maybe_tokenizer(&self) -> Option<&Tokenizer> {
        self.tokenizer.as_ref()
    }

    /// The chat template, or why there is none ([`Error::NoChatTemplate`]).
    pub fn chat_template(&self) -> Result<&ChatTemplate> {
        match &self.template {
            Template::Ready(t) => Ok(t),
            Template::Missing => Err(Error::NoChatTemplate(
                "the model has no chat template".into(),
            )),
            Template::Broken(e) => Err(Error::NoChatTemplate(format!(
                "the model's chat template does not parse: {e}"
            ))),
        }
    }

    /// Why the model's chat template is unusable, when it ships one that does not parse.
    pub fn chat_template_error(&self) -> Option<&str> {
        match &self.template {
            Template::Broken(e) => Some(e),
            _ => None,
        }
    }

    /// Token ids that end a reply by default (config and generation_config eos ids).
    pub fn eos_ids(&self) -> &[u32] {
        &self.eos_ids
    }

    pub fn encode(&self, text: &str, add_special: bool) -> Result<Vec<u32>> {
        self.tokenizer()?.encode(text, add_special)
    }

    pub fn decode(&self, ids: &[u32], skip_special: bool) -> Result<String> {
        self.tokenizer()?.decode(ids, skip_special)
    }

    /// The prompt text of a chat: the template rendered with the generation prompt added.
    pub fn render(&self, messages: &[ChatMessage]) -> Result<String> {
        self.chat_template()?.render(messages, true)
    }

    /// The prompt ids of a chat. The template writes the special tokens itself, so the
    /// tokenizer adds none.
    pub fn prompt_ids(&self, messages: &[ChatMessage]) -> Result<Vec<u32>> {
        let text = self.render(messages)?;
        self.encode(&text, false)
    }

    /// The ids that stop a generation of `req`: its own, and the model's end-of-sequence ids
    /// unless it asks to ignore them.
    pub fn stop_ids(&self, req: &Request) -> Vec<u32> {
        let mut ids = req.params.stop_token_ids.clone();
        if !req.ignore_eos {
            for &e in &self.eos_ids {
                if !ids.contains(&e) {
                    ids.push(e);
                }
            }
        }
        ids
    }

    /// A token as OpenAI's logprobs show it: its text and its raw bytes. Byte-level BPE tokens
    /// map back to bytes through GPT-2's byte alphabet and `<0xNN>` tokens are one byte, so a
    /// token holding part of a UTF-8 character still has its exact bytes (its text is then the
    /// lossy decoding). Without a tokenizer both are empty.
    pub fn token_text(&self, id: u32) -> (String, Vec<u8>) {
        let Some(tok) = &self.tokenizer else {
            return (String::new(), Vec::new());
        };
        let Some(piece) = tok.id_to_token(id) else {
            return (String::new(), Vec::new());
        };
        // Added tokens (`<|im_end|>`, …) are stored as their text, not in the byte alphabet.
        let bytes = if tok.is_added(id) {
            piece.into_bytes()
        } else {
            piece_bytes(&piece, tok.is_byte_level())
        };
        (String::from_utf8_lossy(&bytes).into_owned(), bytes)
    }
}

fn piece_bytes(piece: &str, byte_level: bool) -> Vec<u8> {
    if let Some(hex) = piece
        .strip_prefix("<0x")
        .and_then(|h| h.strip_suffix('>'))
        .filter(|h| h.len() == 2)
    {
        if let Ok(b) = u8::from_str_radix(hex, 16) {
            return vec![b];
        }
    }
    if byte_level {
        let table = byte_level_inverse();
        let mapped: Option<Vec<u8>> = piece.chars().map(|c| table.get(&c).copied()).collect();
        if let Some(b) = mapped {
            return b;
        }
    }
    // SentencePiece-style pieces spell a space as U+2581.
    piece.replace('\u{2581}', " ").into_bytes()
}

/// GPT-2's byte → printable character table, inverted: printable bytes stand for themselves,
/// the others for U+0100 onwards in order.
fn byte_level_inverse() -> std::collections::HashMap<char, u8> {
    let printable = |b: u8| (b'!'..=b'~').contains(&b) || (0xA1..=0xAC).contains(&b) || b >= 0xAE;
    let mut map = std::collections::HashMap::with_capacity(256);
    let mut next = 0u32;
    for b in 0..=255u8 {
        let c = if printable(b) {
            char::from(b)
        } else {
            let c = char::from_u32(256 + next).unwrap_or('\u{FFFD}');
            next += 1;
            c
        };
        map.insert(c, b);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::piece_bytes;

    #[test]
    fn pieces_to_bytes() {
        assert_eq!(piece_bytes("Ġhello", true), b" hello");
        assert_eq!(piece_bytes("<0x0A>", false), vec![b'\n']);
        assert_eq!(piece_bytes("\u{2581}hi", false), b" hi");
        // "é" is 0xC3 0xA9: byte-level spells them as 'Ã' (0xC3) and '©' (0xA9).
        assert_eq!(piece_bytes("Ã©", true), "é".as_bytes());
    }
}
