//! tandem-wasm: the wasm-bindgen layer over tandem-engine's [`Engine`], tandem-collab's
//! policy and tandem-privacy's pipeline. It only converts: JS objects in (model files, options, request parameters, routing
//! contexts) and out (steps, scores, generations, info: see shapes.rs; decisions, token stats,
//! escalations: tandem-collab's own serde types), errors as JS `Error`s named `TandemError` with
//! a `kind`. The npm package (web/packages/tandem) wraps it in an idiomatic TypeScript API.
//!
//! [`Engine`]: tandem_engine::Engine
#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod collab_bindings;
pub mod collab_inputs;
pub mod errors;
pub mod options;
#[cfg(target_arch = "wasm32")]
mod privacy_bindings;
pub mod shapes;
