//! The collaboration commands: `tandem eval` (routers against a suite, RouteLLM's metrics, a
//! plot) and `tandem router fit` (router.json from prompts). Both drive the local engine and
//! the server LLM through one runner; the policies themselves are tandem-collab's.
//!
//! - `suite.rs`: reading suite / prompt files (JSON lines), errors naming the line.
//! - `runner.rs`: the one loop over items on both sides; `--save-runs` / `--runs`.
//! - `server_client.rs`: the server LLM over an OpenAI-compatible HTTP API.
//! - `eval.rs`, `fit.rs`: the two commands.
//! - `simulate.rs`: `tandem router simulate`, personalisation on the device measured with a
//!   simulated user over saved runs.
//! - `plot.rs`: the PNG of accuracy against server share.
use std::path::Path;

use anyhow::{bail, Result};
use clap::Subcommand;

pub mod eval;
pub mod fit;
pub mod plot;
pub mod policies;
pub mod runner;
pub mod server_client;
pub mod simulate;
pub mod suite;
pub mod target;

#[derive(Subcommand)]
pub enum RouterCommand {
    /// Fit the learned router (and pick its cascade signal) from prompts run on both models;
    /// writes router.json.
    Fit(fit::FitArgs),
    /// Personalisation on the device, measured: a simulated user who always wants the server
    /// for one task family rates answers; the router learns each rating (as `tandem.feedback`
    /// does in the browser); the share of answers the user accepts before and after.
    Simulate(simulate::SimulateArgs),
}

pub fn router(cmd: RouterCommand) -> Result<()> {
    match cmd {
        RouterCommand::Fit(a) => fit::run(a),
        RouterCommand::Simulate(a) => simulate::run(a),
    }
}

/// Refuses an output path whose directory does not exist, so a long run does not end in
/// "cannot write".
pub fn check_out(flag: &str, path: Option<&Path>) -> Result<()> {
    let Some(path) = path else { return Ok(()) };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        bail!(
            "{flag} {}: the directory {} does not exist",
            path.display(),
            dir.display()
        );
    }
    Ok(())
}
