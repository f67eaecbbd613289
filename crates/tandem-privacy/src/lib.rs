//! tandem-privacy: the on-device privacy pipeline, as pure functions (no I/O, no async, no
//! clock, no randomness), so the same code runs in the browser (wasm32) and natively.
//!
//! The small side works before the large one: personal data is found in the prompt on the
//! device, replaced with placeholders stable within the conversation, and restored in the
//! server's reply, streamed or not. A class set to `local-only` keeps the request on the device.
//!
//! Modules:
//! - [`detect`]: the detectors (email, phone, credit_card, iban, ip_address, url, person,
//!   street_address), each a module of its own, and overlap resolution.
//! - [`entity`]: [`EntityType`] and [`Entity`] (byte offsets into the input).
//! - [`policy`]: [`Level`] per class (`off`, `redact`, `local-only`) and [`Policy`].
//! - [`vault`]: the conversation's placeholders ([`Vault`]): redact and restore.
//! - [`restore`]: [`StreamRestorer`] for replies that arrive in chunks.
//! - [`error`]: the one [`Error`] type.
pub mod detect;
pub mod entity;
pub mod error;
mod lexicon;
mod names;
pub mod policy;
pub mod restore;
mod text;
pub mod vault;

pub use detect::detect;
pub use entity::{Entity, EntityType};
pub use error::{Error, Result, KINDS};
pub use policy::{Level, Policy};
pub use restore::StreamRestorer;
pub use vault::{redact_conversation, ConversationRedaction, Redacted, Redaction, Slot, Vault};
