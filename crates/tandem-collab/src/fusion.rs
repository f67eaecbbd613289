//! Logit fusion: one next-token distribution from both models, as a weighted product of experts,
//! `p(t) ∝ (p_local(t)^(1−w) · p_server(t)^w)^(1/T)`.
//!
//! Neither side sends its whole distribution: the server gives its top-k log-probabilities per
//! position as token ids (`/v1/verify`'s `top_logprobs`; OpenAI's `top_logprobs` name token
//! strings, which would first have to be mapped to ids), and the local engine lists its own
//! top-k. The truncation is handled explicitly, not by pretending an unlisted
//! token has probability 0 (which would veto every token the other side did not list): a token
//! one side did not list gets that side's *unlisted estimate*, the mass its top-k leaves over
//! (`1 − Σ p`) spread evenly over the tokens it did not list, capped at its smallest listed
//! log-probability (an unlisted token cannot be likelier than a listed one). Tokens neither
//! side listed share one fused value (`rest_logprob`, `rest_count` of them), so the fused
//! distribution still sums to one over the whole vocabulary.
//!
//! Because both estimates are at most their side's smallest listed value, every token in the
//! union scores at least as high as any token outside it: the greedy choice is always listed.
//! `w = 0` ranks as the local model, `w = 1` as the server; `T` sharpens (< 1) or flattens
//! (> 1) the fused distribution and never changes its order.
use serde::{Deserialize, Serialize};

use crate::check;
use crate::{Error, Result};

/// Log-probabilities may come back a hair above 0 from rounding; beyond this they are wrong.
const LOGPROB_SLACK: f32 = 1e-3;
/// The f32 rounding of one listed probability: a top-k whose left-over mass is below k of these
/// is treated as leaving exactly that much (the rest is noise, not information).
const ROUNDING_MASS: f64 = 1e-7;

/// The fusion's two knobs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FusionConfig {
    /// The server's weight `w` in [0, 1] (the local model's is `1 − w`).
    pub weight: f32,
    /// Temperature `T` > 0 of the fused distribution (1: as combined).
    pub temperature: f32,
}

impl Default for FusionConfig {
    fn default() -> Self {
        FusionConfig {
            weight: 0.5,
            temperature: 1.0,
        }
    }
}

/// The fused distribution: every token either side listed, most likely first (the lower id
/// first on ties), and the value shared by the `rest_count` tokens neither listed (`-inf`,
/// serialised as null, when there are none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fused {
    /// `(token id, fused log-probability)`.
    pub tokens: Vec<(u32, f32)>,
    pub rest_logprob: f32,
    pub rest_count: usize,
}

impl Fused {
    /// The greedy choice: the first listed token, or None when no listed token has any mass
    /// (each side vetoed, at `-inf`, every token the other listed).
    pub fn best(&self) -> Option<u32> {
        self.tokens
            .first()
            .filter(|t| t.1 > f32::NEG_INFINITY)
            .map(|t| t.0)
    }
}

/// Fuses the local model's top-k (`local`) with the server's (`server`), both `(token id,
/// log-probability)` lists from distributions over `vocab` tokens.
///
/// A listed `-inf` (a token the model rules out, which a top-k lists once it runs past the
/// possible tokens) is zero mass, not an error.
///
/// Errors: a list with no finite entry, an id ≥ `vocab` or listed twice, a NaN, `+inf` or
/// positive log-probability, a list longer than `vocab`, `weight` outside [0, 1], `temperature`
/// not a finite number > 0.
pub fn fuse(
    local: &[(u32, f32)],
    server: &[(u32, f32)],
    vocab: usize,
    cfg: &FusionConfig,
) -> Result<Fused> {
    check::share("weight", cfg.weight)?;
    check::finite_scalar("temperature", cfg.temperature)?;
    if cfg.temperature <= 0.0 {
        return Err(Error::param("temperature", "must be above 0"));
    }
    let a = Side::new("local", local, vocab)?;
    let b = Side::new("server", server, vocab)?;
    let w = f64::from(cfg.weight);
    let t = f64::from(cfg.temperature);
    let raw = |la: f64, lb: f64| ((1.0 - w) * la + w * lb) / t;

    let mut union: Vec<u32> = local.iter().chain(server).map(|p| p.0).collect();
    union.sort_unstable();
    union.dedup();
    let scored: Vec<(u32, f64)> = union
        .iter()
        .map(|&id| (id, raw(a.logprob(id), b.logprob(id))))
        .collect();
    let rest_count = vocab - union.len();
    let rest = raw(a.unlisted, b.unlisted);

    // log Z over the whole vocabulary: the union plus `rest_count` copies of `rest`.
    let mut max = scored.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    if rest_count > 0 {
        max = max.max(rest);
    }
    let mut z: f64 = scored.iter().map(|s| (s.1 - max).exp()).sum();
    if rest_count > 0 {
        z += rest_count as f64 * (rest - max).exp();
    }
    let log_z = max + z.ln();

    let mut tokens: Vec<(u32, f32)> = scored
        .into_iter()
        .map(|(id, s)| (id, (s - log_z) as f32))
        .collect();
    tokens.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    Ok(Fused {
        tokens,
        rest_logprob: if rest_count > 0 {
            (rest - log_z) as f32
        } else {
            f32::NEG_INFINITY
        },
        rest_count,
    })
}

/// The log-probability one side's top-k implies for each token it did not list (see the
/// module's notes); `-inf` when it listed the whole vocabulary.
pub fn unlisted_logprob(top: &[(u32, f32)], vocab: usize) -> Result<f32> {
    Ok(Side::new("top", top, vocab)?.unlisted as f32)
}

/// One side's top-k, checked, with its unlisted estimate.
struct Side<'a> {
    top: &'a [(u32, f32)],
    unlisted: f64,
}

impl<'a> Side<'a> {
    fn new(what: &'static str, top: &'a [(u32, f32)], vocab: usize) -> Result<Self> {
        check::non_empty(what, top)?;
        if top.len() > vocab {
            return Err(Error::param(
                what,
                format!("{} tokens listed from a vocabulary of {vocab}", top.len()),
            ));
        }
        let mut seen = std::collections::HashSet::with_capacity(top.len());
        for (index, &(id, lp)) in top.iter().enumerate() {
            if lp.is_nan() || lp == f32::INFINITY {
                return Err(Error::NonFinite { what, index });
            }
            if lp > LOGPROB_SLACK {
                return Err(Error::param(
                    what,
                    format!("log-probability {lp} of token {id} is above 0"),
                ));
            }
            if id as usize >= vocab {
                return Err(Error::param(
                    what,
                    format!("token {id} is outside the vocabulary of {vocab}"),
                ));
            }
            if !seen.insert(id) {
                return Err(Error::param(what, format!("token {id} is listed twice")));
            }
        }
        // The smallest listed value that is a real probability (a listed -inf says nothing
        // about what the list left out).
        let lowest = top
            .iter()
            .map(|p| f64::from(p.1.min(0.0)))
            .filter(|lp| lp.is_finite())
            .fold(f64::INFINITY, f64::min);
        if lowest == f64::INFINITY {
            return Err(Error::param(
                what,
                "no listed token has a finite log-probability",
            ));
        }
        let unlisted = if top.len() == vocab {
            f64::NEG_INFINITY
        } else {
            let listed: f64 = top.iter().map(|p| f64::from(p.1.min(0.0)).exp()).sum();
            let rest = (1.0 - listed).max(top.len() as f64 * ROUNDING_MASS);
            (rest / (vocab - top.len()) as f64).ln().min(lowest)
        };
        Ok(Side { top, unlisted })
    }

    fn logprob(&self, id: u32) -> f64 {
        self.top
            .iter()
            .find(|p| p.0 == id)
            .map_or(self.unlisted, |p| f64::from(p.1.min(0.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ln(p: f32) -> f32 {
        p.ln()
    }

    fn total(f: &Fused) -> f64 {
        f.tokens.iter().map(|t| f64::from(t.1).exp()).sum::<f64>()
            + f.rest_count as f64 * f64::from(f.rest_logprob).exp()
    }

    #[test]
    fn weights_at_the_ends_rank_as_one_model() {
        let local = [(1, ln(0.6)), (2, ln(0.3))];
        let server = [(2, ln(0.7)), (3, ln(0.2))];
        let at = |weight| {
            fuse(
                &local,
                &server,
                10,
                &FusionConfig {
                    weight,
                    temperature: 1.0,
                },
            )
            .unwrap()
        };
        assert_eq!(at(0.0).best(), Some(1));
        assert_eq!(at(1.0).best(), Some(2));
        // Halfway, token 2 (0.3 and 0.7) beats token 1 (0.6 and the server's small estimate).
        assert_eq!(at(0.5).best(), Some(2));
    }

    #[test]
    fn full_distributions_give_the_exact_product_of_experts() {
        let p = [0.5f32, 0.3, 0.2];
        let q = [0.2f32, 0.2, 0.6];
        let local: Vec<(u32, f32)> = p
            .iter()
            .enumerate()
            .map(|(i, &x)| (i as u32, ln(x)))
            .collect();
        let server: Vec<(u32, f32)> = q
            .iter()
            .enumerate()
            .map(|(i, &x)| (i as u32, ln(x)))
            .collect();
        let f = fuse(&local, &server, 3, &FusionConfig::default()).unwrap();
        let raw: Vec<f64> = (0..3)
            .map(|i| (f64::from(p[i]) * f64::from(q[i])).sqrt())
            .collect();
        let z: f64 = raw.iter().sum();
        for &(id, lp) in &f.tokens {
            assert!((f64::from(lp).exp() - raw[id as usize] / z).abs() < 1e-6);
        }
        assert_eq!(f.rest_count, 0);
        assert_eq!(f.rest_logprob, f32::NEG_INFINITY);
    }

    #[test]
    fn truncation_spreads_the_left_over_mass_and_sums_to_one() {
        // 0.9 listed of 100 tokens: the 98 others get 0.1 / 98 each.
        let top = [(0, ln(0.6)), (1, ln(0.3))];
        let u = unlisted_logprob(&top, 100).unwrap();
        assert!((u - (0.1f32 / 98.0).ln()).abs() < 1e-5);
        let f = fuse(&top, &[(5, ln(0.8))], 100, &FusionConfig::default()).unwrap();
        assert!((total(&f) - 1.0).abs() < 1e-5, "{}", total(&f));
        assert_eq!(f.rest_count, 97);
        // Every listed token is at least as likely as an unlisted one.
        assert!(f.tokens.iter().all(|t| t.1 >= f.rest_logprob));
    }

    #[test]
    fn an_unlisted_token_is_never_likelier_than_a_listed_one() {
        // A top-2 that leaves 0.9 over for 2 tokens would give them 0.45 each: capped at 0.05.
        let top = [(0, ln(0.05)), (1, ln(0.05))];
        assert!((unlisted_logprob(&top, 4).unwrap() - ln(0.05)).abs() < 1e-6);
        // A top-k whose mass rounds above 1 still gives a finite estimate.
        let over = [(0, ln(0.7)), (1, ln(0.31))];
        assert!(unlisted_logprob(&over, 50).unwrap().is_finite());
    }

    #[test]
    fn a_listed_minus_infinity_is_zero_mass() {
        // A top-3 over a model that rules token 2 out: it is listed, at -inf, after the others.
        let local = [(0, ln(0.7)), (1, ln(0.3)), (2, f32::NEG_INFINITY)];
        let u = unlisted_logprob(&local, 10).unwrap();
        assert!(u.is_finite() && u <= ln(0.3));
        let f = fuse(&local, &[(2, ln(0.9))], 10, &FusionConfig::default()).unwrap();
        // The local model's veto holds at any weight below 1: token 2 gets no mass.
        let two = f.tokens.iter().find(|t| t.0 == 2).unwrap();
        assert_eq!(two.1, f32::NEG_INFINITY);
        assert!((total(&f) - 1.0).abs() < 1e-5);
        assert_ne!(f.best(), Some(2));
    }

    #[test]
    fn mutual_vetoes_leave_no_choice() {
        let a = [(0, 0.0), (1, f32::NEG_INFINITY)];
        let b = [(1, 0.0), (0, f32::NEG_INFINITY)];
        let f = fuse(&a, &b, 10, &FusionConfig::default()).unwrap();
        assert_eq!(f.best(), None);
        assert!((total(&f) - 1.0).abs() < 1e-5, "the mass went to the rest");
    }

    #[test]
    fn rounding_left_over_is_not_read_as_information() {
        // A near-certain side whose listed mass rounds to 1: the estimate stays at the rounding
        // scale (k × 1e-7 spread over the rest), not at an arbitrary tiny floor.
        let sure = [(0, 0.0), (1, ln(1e-9))];
        let u = unlisted_logprob(&sure, 1002).unwrap();
        assert!((f64::from(u) - (2e-7f64 / 1000.0).ln()).abs() < 1e-3, "{u}");
    }

    #[test]
    fn temperature_sharpens_without_reordering() {
        let local = [(1, ln(0.5)), (2, ln(0.4))];
        let server = [(1, ln(0.45)), (2, ln(0.5))];
        let at = |temperature| {
            fuse(
                &local,
                &server,
                20,
                &FusionConfig {
                    weight: 0.5,
                    temperature,
                },
            )
            .unwrap()
        };
        let (cold, warm) = (at(0.5), at(2.0));
        let order = |f: &Fused| f.tokens.iter().map(|t| t.0).collect::<Vec<_>>();
        assert_eq!(order(&cold), order(&warm));
        assert!(cold.tokens[0].1 > warm.tokens[0].1);
        assert!((total(&cold) - 1.0).abs() < 1e-5 && (total(&warm) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn ties_go_to_the_lower_id() {
        let f = fuse(
            &[(7, ln(0.4)), (3, ln(0.4))],
            &[(3, ln(0.4)), (7, ln(0.4))],
            9,
            &FusionConfig::default(),
        )
        .unwrap();
        assert_eq!(f.best(), Some(3));
    }

    #[test]
    fn bad_input_is_refused() {
        let ok = [(1, -0.1)];
        let cfg = FusionConfig::default();
        let kind = |r: Result<Fused>| r.unwrap_err().kind();
        assert_eq!(kind(fuse(&[], &ok, 10, &cfg)), "invalid_input");
        assert_eq!(kind(fuse(&[(1, f32::NAN)], &ok, 10, &cfg)), "invalid_input");
        assert_eq!(
            kind(fuse(&[(1, f32::NEG_INFINITY)], &ok, 10, &cfg)),
            "invalid_input"
        );
        assert_eq!(
            kind(fuse(&[(1, f32::INFINITY)], &ok, 10, &cfg)),
            "invalid_input"
        );
        assert_eq!(kind(fuse(&[(1, 0.5)], &ok, 10, &cfg)), "invalid_input");
        assert_eq!(kind(fuse(&[(10, -1.0)], &ok, 10, &cfg)), "invalid_input");
        assert_eq!(
            kind(fuse(&[(1, -1.0), (1, -2.0)], &ok, 10, &cfg)),
            "invalid_input"
        );
        assert_eq!(
            kind(fuse(&[(0, -1.0), (1, -1.0)], &ok, 1, &cfg)),
            "invalid_input"
        );
        for (weight, temperature) in [
            (-0.1, 1.0),
            (1.1, 1.0),
            (f32::NAN, 1.0),
            (0.5, 0.0),
            (0.5, f32::INFINITY),
        ] {
            let r = fuse(
                &ok,
                &ok,
                10,
                &FusionConfig {
                    weight,
                    temperature,
                },
            );
            assert_eq!(kind(r), "invalid_input", "{weight} {temperature}");
        }
        // Rounding just above 0 is fine.
        assert!(fuse(&[(1, 1e-5)], &ok, 10, &cfg).is_ok());
    }
}
