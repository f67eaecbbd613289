//! The rules: what decides a request's route before (and around) any score, each decision
//! carrying a stable reason a person can read and a test can assert.
//!
//! # Precedence
//!
//! The first rule that applies decides. Rules fall into three tiers: what forbids or prevents
//! the server (nothing may override it), the caller's explicit policy, and preferences.
//!
//! | # | rule (`Rule`)        | when                                   | route  | reason |
//! |---|----------------------|----------------------------------------|--------|--------|
//! | 1 | `privacy`            | `privacy` names a detected class       | local  | `privacy: <class> never leaves the device` |
//! | 2 | `offline`            | `online` is false                      | local  | `offline` |
//! | 3 | `server_unreachable` | `server_available` is false            | local  | `server unreachable` |
//! | 4 | `call_budget`        | `calls_today >= max_calls_per_day`     | local  | `budget: <used> of <max> server calls used today` |
//! | 5 | `token_budget`       | `tokens_today >= max_tokens_per_day`   | local  | `budget: <used> of <max> server tokens used today` |
//! | 6 | `policy`             | `forced` is set                        | forced | `policy: local` / `policy: server` |
//! | 7 | `local_context`      | `local_fits` is false                  | server | `context: the prompt does not fit the local model` |
//! | 8 | `latency`            | `rtt_ms > latency_target_ms`           | local  | `latency: rtt <rtt> ms above target <target> ms` |
//! | 9 | `metered`            | `metered` is true                      | local  | `metered network` |
//! |10 | `battery_low`        | `battery_low` is true                  | server | `battery low: saving the device` |
//! |11 | `sticky`             | `sticky` is set                        | sticky | `sticky: conversation stayed <route>` |
//! |12 | `score`              | a score is given                       | by it  | `<name>: score 0.81 > threshold 0.40` (server) / `<name>: score 0.12 ≤ threshold 0.40` (local) |
//! |13 | `no_score`           | otherwise                              | local  | `no router: local by default` |
//!
//! After a local answer, [`decide_after_local`] takes the cascade's [`Escalation`] in place of a
//! score: a rule that keeps the request local (1-6 and 8-9, or a sticky/forced local) keeps the
//! answer with that rule's reason; otherwise the escalation decides (rule `cascade`, its own
//! reason).
//!
//! Why this order:
//! - Privacy is first and absolute: a forced "server" policy, a low battery or a router score
//!   must never send a request that holds a private class off the device.
//! - Offline, unreachable and an exhausted budget are facts: a server call would fail or be
//!   refused (or cost what the operator capped), so no policy can ask for one.
//! - A forced policy (the app's or user's "local"/"server" setting) beats every preference.
//! - A prompt the local model cannot hold goes to the server whenever the rules above allow it:
//!   no preference for local can make the local model answer it (a forced "local" fails, typed).
//! - Latency and metered data are preferences for local; a low battery is a preference for the
//!   server (local inference drains the battery). Local preferences come first: on a metered or
//!   slow link the server call costs the user more than the battery it saves.
//! - Sticky only overrides the score: it keeps a conversation from flip-flopping turn by turn on
//!   router noise, but a change in the environment (link, battery) still moves it.
//! - With nothing else, the score decides (`score > threshold` → server, ties stay local); with
//!   no score the request stays local, the cheap and private default.
//!
//! Numbers in reasons: scores and thresholds with two decimals, milliseconds rounded to whole
//! ones, counts as integers.
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::cascade::Escalation;
use crate::{Error, Result};

/// Where a request runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Local,
    Server,
}

impl Route {
    /// "local" or "server", as serialised.
    pub fn name(self) -> &'static str {
        match self {
            Route::Local => "local",
            Route::Server => "server",
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Route {
    type Err = Error;
    fn from_str(s: &str) -> Result<Route> {
        match s {
            "local" => Ok(Route::Local),
            "server" => Ok(Route::Server),
            _ => Err(Error::UnknownRoute(s.to_string())),
        }
    }
}

/// Today's server usage and its caps; a cap that is absent does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Budget {
    pub calls_today: u64,
    pub max_calls_per_day: Option<u64>,
    pub tokens_today: u64,
    pub max_tokens_per_day: Option<u64>,
}

/// What is known about the request and its environment when routing it. Optional fields that
/// are absent (or `null`) mean "unknown" and their rule does not apply. Unknown fields are
/// rejected when deserialising: a misspelt `privacy` must not silently let a private request out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The privacy class detected in the request ("email", "health", ...); any value keeps the
    /// request local (an empty name is reported as "unspecified").
    #[serde(default)]
    pub privacy: Option<String>,
    pub online: bool,
    pub server_available: bool,
    #[serde(default)]
    pub budget: Option<Budget>,
    /// Measured round trip to the server.
    #[serde(default)]
    pub rtt_ms: Option<f32>,
    #[serde(default)]
    pub latency_target_ms: Option<f32>,
    #[serde(default)]
    pub metered: Option<bool>,
    #[serde(default)]
    pub battery_low: Option<bool>,
    /// The route this conversation took before.
    #[serde(default)]
    pub sticky: Option<Route>,
    /// The policy's forced route, when the app or user set one.
    #[serde(default)]
    pub forced: Option<Route>,
    /// False when the prompt does not fit the local model's context (the local engine refused
    /// it); absent when not checked.
    #[serde(default)]
    pub local_fits: Option<bool>,
}

impl Default for Context {
    /// Online, the server reachable, nothing else known.
    fn default() -> Self {
        Context {
            privacy: None,
            online: true,
            server_available: true,
            budget: None,
            rtt_ms: None,
            latency_target_ms: None,
            metered: None,
            battery_low: None,
            sticky: None,
            forced: None,
            local_fits: None,
        }
    }
}

/// A named score and the threshold it is compared with (`value > threshold` → server), e.g.
/// the router's (`Router::route_score`) or an uncertainty signal's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub name: String,
    pub value: f32,
    pub threshold: f32,
}

/// Which rule decided (see the module's precedence table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Privacy,
    Offline,
    ServerUnreachable,
    CallBudget,
    TokenBudget,
    Policy,
    LocalContext,
    Latency,
    Metered,
    BatteryLow,
    Sticky,
    Score,
    NoScore,
    /// After a local answer: the cascade's escalation decided ([`decide_after_local`]).
    Cascade,
}

/// A routing decision: where, which rule, why in words, and every score that was known (the
/// score under its name and its threshold under `<name>_threshold`, recorded even when a rule
/// above overrode it, so logs show what the router would have done).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub route: Route,
    pub rule: Rule,
    pub reason: String,
    pub scores: BTreeMap<String, f32>,
}

/// Decides a request's route by the rules in the module's precedence order. Never fails: a
/// non-finite rtt or target skips the latency rule, a non-finite score or threshold keeps the
/// request local (`<name>: invalid score, local by default`).
pub fn decide(ctx: &Context, score: Option<&Score>) -> Decision {
    let mut scores = BTreeMap::new();
    if let Some(s) = score {
        if s.value.is_finite() {
            scores.insert(s.name.clone(), s.value);
        }
        if s.threshold.is_finite() {
            scores.insert(format!("{}_threshold", s.name), s.threshold);
        }
    }
    let (route, rule, reason) = first_rule(ctx, score);
    Decision {
        route,
        rule,
        reason,
        scores,
    }
}

/// The cascade's decision once the local model has answered with the verdict `esc` (its
/// threshold `threshold`, recorded under `cascade_threshold`). The rules decide as in
/// [`decide`]; a rule that keeps the request local keeps the local answer with its reason, and
/// otherwise the escalation decides, with its own reason (rule `cascade`). Never fails.
pub fn decide_after_local(ctx: &Context, esc: &Escalation, threshold: f32) -> Decision {
    let mut d = decide(ctx, None);
    if esc.score.is_finite() {
        d.scores.insert("cascade".into(), esc.score);
    }
    if threshold.is_finite() {
        d.scores.insert("cascade_threshold".into(), threshold);
    }
    if d.route == Route::Local && d.rule != Rule::NoScore {
        return d;
    }
    d.route = if esc.escalate {
        Route::Server
    } else {
        Route::Local
    };
    d.rule = Rule::Cascade;
    d.reason = esc.reason.clone();
    d
}

fn first_rule(ctx: &Context, score: Option<&Score>) -> (Route, Rule, String) {
    use Route::{Local, Server};
    if let Some(class) = &ctx.privacy {
        let class = match class.trim() {
            "" => "unspecified",
            c => c,
        };
        let reason = format!("privacy: {class} never leaves the device");
        return (Local, Rule::Privacy, reason);
    }
    if !ctx.online {
        return (Local, Rule::Offline, "offline".into());
    }
    if !ctx.server_available {
        return (Local, Rule::ServerUnreachable, "server unreachable".into());
    }
    if let Some(b) = &ctx.budget {
        if let Some(max) = b.max_calls_per_day.filter(|&max| b.calls_today >= max) {
            let used = b.calls_today;
            let reason = format!("budget: {used} of {max} server calls used today");
            return (Local, Rule::CallBudget, reason);
        }
        if let Some(max) = b.max_tokens_per_day.filter(|&max| b.tokens_today >= max) {
            let used = b.tokens_today;
            let reason = format!("budget: {used} of {max} server tokens used today");
            return (Local, Rule::TokenBudget, reason);
        }
    }
    if let Some(route) = ctx.forced {
        return (route, Rule::Policy, format!("policy: {route}"));
    }
    if ctx.local_fits == Some(false) {
        let reason = "context: the prompt does not fit the local model".into();
        return (Server, Rule::LocalContext, reason);
    }
    if let (Some(rtt), Some(target)) = (ctx.rtt_ms, ctx.latency_target_ms) {
        // NaN compares false: an unknown measurement does not trigger the rule.
        if rtt.is_finite() && target.is_finite() && rtt > target {
            let reason = format!("latency: rtt {rtt:.0} ms above target {target:.0} ms");
            return (Local, Rule::Latency, reason);
        }
    }
    if ctx.metered == Some(true) {
        return (Local, Rule::Metered, "metered network".into());
    }
    if ctx.battery_low == Some(true) {
        let reason = "battery low: saving the device".into();
        return (Server, Rule::BatteryLow, reason);
    }
    if let Some(route) = ctx.sticky {
        let reason = format!("sticky: conversation stayed {route}");
        return (route, Rule::Sticky, reason);
    }
    match score {
        None => (Local, Rule::NoScore, "no router: local by default".into()),
        Some(s) if !(s.value.is_finite() && s.threshold.is_finite()) => {
            let reason = format!("{}: invalid score, local by default", s.name);
            (Local, Rule::Score, reason)
        }
        Some(s) if s.value > s.threshold => {
            let reason = format!(
                "{}: score {:.2} > threshold {:.2}",
                s.name, s.value, s.threshold
            );
            (Server, Rule::Score, reason)
        }
        Some(s) => {
            let reason = format!(
                "{}: score {:.2} ≤ threshold {:.2}",
                s.name, s.value, s.threshold
            );
            (Local, Rule::Score, reason)
        }
    }
}
