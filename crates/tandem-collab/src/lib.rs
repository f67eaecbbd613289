//! tandem-collab: Tandem's collaboration policy between the small model in the browser and the
//! server LLM, as pure functions. No I/O, no async, no clock, no randomness: every input
//! (signals, features, context, seeds) is an argument, so the same code runs natively (CLI,
//! server, evaluation) and on wasm32 in the browser, and every decision can be replayed.
//!
//! Modules, one mechanism each:
//! - [`answer`]: normalising completions to their final line; `is_correct`, `agree` (the
//!   router's training labels and the metrics' outcomes).
//! - [`uncertainty`]: per-token logprob/entropy statistics of a generation ([`TokenStats`]) and
//!   the uncertainty score of one [`Signal`].
//! - [`router`]: the learned logistic [`Router`] over prompt features, which is also the
//!   router.json format (`tandem-router/1`).
//! - [`fit`]: training a router ([`fit_logistic`], deterministic L-BFGS).
//! - [`calibrate`]: the threshold that sends a target share of requests to the server.
//! - [`rules`]: privacy, connectivity, budget, policy, latency, network, battery and sticky rules
//!   composed with a score into a [`Decision`] with a stable reason (precedence documented
//!   there).
//! - [`cascade`]: after local generation, whether its uncertainty calls for the server.
//! - [`speculative`]: speculative collaboration's draft length from the measured acceptance and
//!   round trip, and when plain server streaming wins the objective (`latency`, `server_cost`).
//! - [`token_defer`]: token-level collaboration: per-token uncertainty, the rule that defers a
//!   token to the server, its calibration to a target share of tokens.
//! - [`fusion`]: logit fusion of the local top-k and the server's top-k (weighted product of
//!   experts, with the truncation handled explicitly).
//! - [`personal`]: personalisation on the device: the router learns one user's feedback
//!   online (a bounded SGD step pulled towards the base weights); what feedback means.
//! - [`metrics`]: RouteLLM's evaluation (accuracy/share curve, PGR, APGR, CPT, AUROC,
//!   baselines, [`Summary`]).
//! - [`error`]: the one [`Error`] type with stable kinds ([`Error::kind`]).
//!
//! Conventions shared by every module: a score is higher when the server is more needed, and
//! `score > threshold` (strictly) sends a request to the server. Every public type is serde
//! (snake_case fields and variant names), as the wasm binding and the TypeScript package pass
//! them as JSON objects.
pub mod answer;
pub mod calibrate;
pub mod cascade;
mod check;
pub mod error;
pub mod fit;
pub mod fusion;
mod lbfgs;
pub mod metrics;
pub mod personal;
pub mod router;
pub mod rules;
pub mod speculative;
pub mod token_defer;
pub mod uncertainty;

pub use answer::{agree, is_correct, normalize};
pub use calibrate::{share_above, threshold_for_share};
pub use cascade::{should_escalate, CascadeRule, Escalation};
pub use error::{Error, Result, KINDS};
pub use fit::{fit_logistic, FitParams};
pub use fusion::{fuse, Fused, FusionConfig};
pub use metrics::{summarize, CurvePoint, OperatingPoint, Summary};
pub use personal::{Feedback, LearnParams, Learned, Personal};
pub use router::{Router, RouterKind, RouterLabel, ROUTER_VERSION};
pub use rules::{decide, decide_after_local, Budget, Context, Decision, Route, Rule, Score};
pub use speculative::{
    expected_tokens, plan as plan_speculation, Acceptance, Costs, Mode, Objective, Plan,
    SpeculativeConfig,
};
pub use token_defer::{DeferRule, Deferral, TokenSignal, TokenUncertainty};
pub use uncertainty::{uncertainty_score, Signal, TokenStats};
