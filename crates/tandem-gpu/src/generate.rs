//! Generation on the GPU engine, with tandem-core's [`Generator`] doing the bookkeeping (stop
//! tokens and strings, budget, streaming), so it ends and streams exactly as the CPU loop does.
//! Greedy decoding picks each token on the device (16 bytes read back per token); any other
//! sampling reads back the logits row and samples on the CPU with the same sampler.
use tandem_core::{FinishReason, GenerateParams, Generation, Generator, TokenEvent, Tokenizer};

use crate::error::Result;
use crate::model::GpuModel;

/// Generates from an empty KV cache.
pub async fn generate(
    model: &mut GpuModel,
    tokenizer: Option<&Tokenizer>,
    prompt: &[u32],
    params: &GenerateParams,
    on_token: &mut dyn FnMut(&TokenEvent) -> bool,
) -> Result<Generation> {
    model.clear();
    let mut gen = Generator::new(
        tokenizer.cloned(),
        prompt,
        params.clone(),
        model.max_context(),
    )?;
    if params.max_new_tokens == 0 {
        return Ok(gen.finish(FinishReason::Length));
    }
    if gen.is_greedy() {
        let mut pick = model.prefill_greedy(prompt).await?;
        loop {
            let len = model.cache_len();
            if let Some(f) = gen.push(pick.id, pick.logprob, pick.entropy, len, on_token)? {
                return Ok(gen.finish(f));
            }
            pick = model.step_greedy().await?;
        }
    }
    let mut logits = model.next_logits(prompt).await?;
    loop {
        let (id, lp, ent) = gen.sample(&logits);
        if let Some(f) = gen.push(id, lp, ent, model.cache_len(), on_token)? {
            return Ok(gen.finish(f));
        }
        logits = model.next_logits(&[id]).await?;
    }
}
