//! The `#[wasm_bindgen]` surface of tandem-privacy, as plain functions that keep no state: a
//! conversation is redacted whole (its placeholders come out the same every time), and the
//! reply is restored from the slots it returned; a streamed reply passes what is held back
//! (`pending`) from chunk to chunk. Nothing to free, nothing to leak. Objects cross as
//! tandem-privacy's serde types (declared in wasm-types.ts, checked by tests/ts_shapes.rs);
//! inputs are read from their JSON text (unknown classes and keys are errors: a misspelt class
//! must not go unprotected).
use tandem_privacy::{detect, redact_conversation, Policy, Slot, StreamRestorer, Vault};
use wasm_bindgen::prelude::*;

use crate::bindings::to_js;
use crate::collab_bindings::input;
use crate::shapes::RestoredChunkJs;

/// The personal data in `text` (`PiiEntity[]`: type, value, byte offsets start/end).
#[wasm_bindgen(js_name = detectPii)]
pub fn detect_pii(text: &str) -> Result<JsValue, JsValue> {
    to_js(&detect(text))
}

/// A conversation's texts (`string[]`) redacted under `policy` (a `PrivacyPolicy`; default:
/// every class redacted): a `ConversationRedaction`.
#[wasm_bindgen(js_name = redactConversation)]
pub fn redact_texts(texts: JsValue, policy: JsValue) -> Result<JsValue, JsValue> {
    let texts: Vec<String> = input("texts", &texts)?;
    let policy: Policy = if policy.is_undefined() || policy.is_null() {
        Policy::redact_all()
    } else {
        input("policy", &policy)?
    };
    to_js(&redact_conversation(&texts, &policy))
}

/// `text` with the placeholders of `slots` (a `ConversationRedaction`'s) replaced by values.
#[wasm_bindgen(js_name = restorePlaceholders)]
pub fn restore_placeholders(text: &str, slots: JsValue) -> Result<String, JsValue> {
    let slots: Vec<Slot> = input("slots", &slots)?;
    Ok(Vault::from_slots(slots).restore(text))
}

/// One chunk of a streamed reply: `{ ready, pending }`. At the end of the stream, call with
/// `last: true` to release what is held back.
#[wasm_bindgen(js_name = restoreChunk)]
pub fn restore_chunk(
    pending: &str,
    chunk: &str,
    slots: JsValue,
    last: bool,
) -> Result<JsValue, JsValue> {
    let vault = Vault::from_slots(input("slots", &slots)?);
    let mut r = StreamRestorer::resume(pending.to_string());
    let mut ready = r.push(&vault, chunk);
    if last {
        ready.push_str(&r.finish(&vault));
    }
    to_js(&RestoredChunkJs {
        ready,
        pending: r.pending().to_string(),
    })
}
