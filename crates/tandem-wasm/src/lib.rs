//! tandem-wasm: the wasm-bindgen layer over tandem-engine's [`Engine`]. It only converts: JS
//! objects in (model files, options, request parameters) and out (steps, scores, generations,
//! info: see shapes.rs), errors as JS `Error`s named `TandemError` with a `kind`. The npm package
//! (web/packages/tandem) wraps it in an idiomatic TypeScript API.
//!
//! [`Engine`]: tandem_engine::Engine
#[cfg(target_arch = "wasm32")]
mod bindings;
pub mod errors;
pub mod options;
pub mod shapes;
