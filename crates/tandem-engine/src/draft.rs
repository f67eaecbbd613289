//! Drafting for speculative decoding: the local model proposes up to `k` tokens after a
//! context, one cached forward step each ([`Engine::score`] reuses the cached prefix, so a
//! context that shares a prefix with the last one — the accepted part of a rejected draft —
//! rewinds the cache to it instead of recomputing). Greedy drafts the arg-max; with a
//! temperature the drafter samples from its top [`DRAFT_TOP_K`] tokens at that temperature and
//! returns that distribution with each token: what `/v1/verify` needs for lossless speculative
//! sampling.
use tandem_core::sampling::Rng;
use tandem_core::{draft_dist, sample_dist, DraftDist};

use crate::engine::Engine;
use crate::error::Result;

/// The drafter samples from this many most likely tokens (the distribution it sends).
pub const DRAFT_TOP_K: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The proposed tokens (ending early at a stop token).
    pub ids: Vec<u32>,
    /// With a temperature: the distribution each token was drawn from; greedy: `None`.
    pub dists: Option<Vec<DraftDist>>,
}

impl Engine {
    /// Up to `k` tokens after `context` (a whole sequence from position 0), stopping after one
    /// of `stops`; the cache then holds `context` and all but the last drafted token.
    pub async fn draft(
        &mut self,
        context: &[u32],
        k: usize,
        temperature: f32,
        rng: &mut Rng,
        stops: &[u32],
    ) -> Result<Draft> {
        if !(temperature.is_finite() && temperature >= 0.0) {
            return Err(tandem_core::Error::invalid_request(
                "temperature",
                format!("{temperature} must be finite and >= 0"),
            )
            .into());
        }
        let mut ctx = context.to_vec();
        let mut dists = (temperature > 0.0).then(Vec::new);
        for _ in 0..k {
            let top = self.score(&ctx, ctx.len(), DRAFT_TOP_K).await?.next_top;
            let Some(first) = top.first() else {
                // Every logit was NaN: nothing can be drafted.
                break;
            };
            let id = match dists.as_mut() {
                None => first.id,
                Some(all) => {
                    let q = draft_dist(&top, temperature);
                    let id = sample_dist(&q, rng.next_f64());
                    all.push(q);
                    id
                }
            };
            ctx.push(id);
            if stops.contains(&id) || ctx.len() >= self.max_context() {
                break;
            }
        }
        Ok(Draft {
            ids: ctx.split_off(context.len()),
            dists,
        })
    }
}
