//! `/v1/verify` in proxy mode, through vLLM's OpenAI server: one `/v1/completions` request over
//! prompt + draft as token ids, with vLLM's `prompt_logprobs` extension, gives the upstream
//! model's log-probability and rank of every prompt token. A draft token of rank 1 is the
//! upstream's own arg-max; the one generated token (temperature 0, read back as an id with
//! `return_tokens_as_token_ids`) is the bonus after a fully accepted draft. Messages are turned
//! into ids by vLLM's `/tokenize` (chat template, generation prompt).
//!
//! Only greedy acceptance works this way: rejection sampling needs the whole next-token
//! distribution at the first rejected position, and vLLM returns the top-k only. That top-k is
//! what logit fusion asks for (`top_logprobs`): `prompt_logprobs: K` lists each draft
//! position's K likeliest tokens (plus the token there, told apart by its rank), and the one
//! generated token's `top_logprobs` the K after the draft. Closed APIs
//! (OpenAI's) cannot verify a foreign draft at all: they return logprobs of their own tokens,
//! never of a given continuation.
//!
//! vLLM does not read its prefix cache for requests with prompt logprobs, so every proxied
//! verification recomputes prompt + draft upstream (`reused_tokens` reports vLLM's
//! `cached_tokens` when it sends them, else 0).
//!
//! The functions here are pure (request bodies and response parsing); proxy.rs sends them.
use serde_json::{json, Value};
use tandem_core::sampling::TopToken;
use tandem_core::Verdict;

/// The `/v1/completions` body that scores `ids` (prompt + draft) and generates one greedy token,
/// listing `top_k` alternatives per position (at least the arg-max's rank 1).
pub fn completions_body(model: &str, ids: &[u32], top_k: usize) -> Value {
    let k = top_k.max(1);
    json!({
        "model": model,
        "prompt": ids,
        "max_tokens": 1,
        "temperature": 0,
        "prompt_logprobs": k,
        "logprobs": k,
        "return_tokens_as_token_ids": true,
        "stream": false,
    })
}

/// The `/tokenize` body for chat messages, rendered with the upstream's chat template.
pub fn tokenize_body(model: &str, messages: &Value) -> Value {
    json!({ "model": model, "messages": messages, "add_generation_prompt": true })
}

/// The ids of a `/tokenize` answer (`{"tokens": [..], ...}`).
pub fn tokens_from_tokenize(v: &Value) -> Result<Vec<u32>, String> {
    let t = v["tokens"]
        .as_array()
        .ok_or("the /tokenize answer has no `tokens` array")?;
    t.iter()
        .map(|x| {
            x.as_u64()
                .and_then(|x| u32::try_from(x).ok())
                .ok_or_else(|| format!("the /tokenize answer has a bad token id: {x}"))
        })
        .collect()
}

/// One scored position: the upstream's log-probability of the token that is there, and its
/// own arg-max token.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scored {
    logprob: f32,
    best: u32,
}

/// Reads `prompt_logprobs[pos]`: a map from token id (as a string) to `{logprob, rank}` holding at
/// least the token at `pos` and the rank-1 token.
fn scored(entry: &Value, pos: usize, token: u32) -> Result<Scored, String> {
    let map = entry
        .as_object()
        .ok_or_else(|| format!("prompt_logprobs[{pos}] is not an object"))?;
    let mut logprob = None;
    let mut rank1 = None;
    let mut highest: Option<(u32, f64)> = None;
    for (k, v) in map {
        let id: u32 = k.parse().map_err(|_| {
            format!("prompt_logprobs[{pos}] has a key that is not a token id: {k:?}")
        })?;
        let lp = v["logprob"]
            .as_f64()
            .ok_or_else(|| format!("prompt_logprobs[{pos}][{k}] has no logprob"))?;
        if id == token {
            logprob = Some(lp as f32);
        }
        if v["rank"].as_u64() == Some(1) {
            rank1 = Some(id);
        }
        if highest.is_none_or(|(_, h)| lp > h) {
            highest = Some((id, lp));
        }
    }
    let logprob = logprob.ok_or_else(|| {
        format!("prompt_logprobs[{pos}] does not score the token {token} that is there")
    })?;
    // Rank 1 is the arg-max; an upstream that sends no ranks: the highest logprob in the map.
    let best = rank1
        .or(highest.map(|(id, _)| id))
        .ok_or_else(|| format!("prompt_logprobs[{pos}] is empty"))?;
    Ok(Scored { logprob, best })
}

/// The id of the generated token: `logprobs.tokens[0]` as `token_id:N`, or vLLM's `token_ids`.
fn generated_id(choice: &Value) -> Result<u32, String> {
    if let Some(t) = choice["logprobs"]["tokens"][0].as_str() {
        return t
            .strip_prefix("token_id:")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| {
                format!(
                    "the generated token {t:?} is not an id: the upstream does not support \
                     return_tokens_as_token_ids (vLLM does)"
                )
            });
    }
    choice["token_ids"][0]
        .as_u64()
        .and_then(|x| u32::try_from(x).ok())
        .ok_or_else(|| "the upstream's answer has no generated token id".to_string())
}

/// A position's `top_k` likeliest tokens, likeliest first (the lower id on ties), from a map of
/// token id (`"7"` or `"token_id:7"`) to `{logprob, rank}` or to a bare logprob. A listed token
/// ranked beyond `top_k` (the token that is there) is left out; so are non-finite values.
fn top_of(entry: &Value, top_k: usize, at: &str) -> Result<Vec<TopToken>, String> {
    let map = entry
        .as_object()
        .ok_or_else(|| format!("{at} is not an object"))?;
    let mut top = Vec::with_capacity(map.len());
    for (k, v) in map {
        let id: u32 = k
            .strip_prefix("token_id:")
            .unwrap_or(k)
            .parse()
            .map_err(|_| format!("{at} has a key that is not a token id: {k:?}"))?;
        let lp = v
            .as_f64()
            .or_else(|| v["logprob"].as_f64())
            .ok_or_else(|| format!("{at}[{k}] has no logprob"))?;
        let beyond = v["rank"].as_u64().is_some_and(|r| r as usize > top_k);
        if !beyond && lp.is_finite() {
            top.push(TopToken {
                id,
                logprob: lp as f32,
            });
        }
    }
    top.sort_by(|a, b| b.logprob.total_cmp(&a.logprob).then(a.id.cmp(&b.id)));
    top.truncate(top_k);
    Ok(top)
}

/// The greedy verdict from a `/v1/completions` answer over `prompt_len` prompt ids then `draft`;
/// with `top_k` > 0 also each position's alternatives (`Verdict::top`, draft + 1 rows).
pub fn verdict_from_completion(
    v: &Value,
    prompt_len: usize,
    draft: &[u32],
    top_k: usize,
) -> Result<Verdict, String> {
    let choice = &v["choices"][0];
    let pl = choice["prompt_logprobs"].as_array().ok_or(
        "the upstream's answer has no choices[0].prompt_logprobs: it does not support vLLM's \
         prompt_logprobs",
    )?;
    if pl.len() != prompt_len + draft.len() {
        return Err(format!(
            "the upstream scored {} prompt positions, {} were sent",
            pl.len(),
            prompt_len + draft.len()
        ));
    }
    let mut logprobs = Vec::with_capacity(draft.len());
    let mut target_ids = Vec::with_capacity(draft.len());
    let mut accepted = None;
    for (i, &d) in draft.iter().enumerate() {
        let s = scored(&pl[prompt_len + i], prompt_len + i, d)?;
        logprobs.push(s.logprob);
        target_ids.push(s.best);
        if accepted.is_none() && s.best != d {
            accepted = Some(i);
        }
    }
    let (accepted, correction) = match accepted {
        Some(i) => (i, target_ids[i]),
        None => (draft.len(), generated_id(choice)?),
    };
    let reused = v["usage"]["prompt_tokens_details"]["cached_tokens"]
        .as_u64()
        .unwrap_or(0) as usize;
    let mut top = Vec::new();
    if top_k > 0 {
        for i in 0..draft.len() {
            let at = format!("prompt_logprobs[{}]", prompt_len + i);
            top.push(top_of(&pl[prompt_len + i], top_k, &at)?);
        }
        let after = &choice["logprobs"]["top_logprobs"][0];
        if after.is_null() {
            return Err(
                "the upstream's answer lists no top_logprobs for its generated token".into(),
            );
        }
        top.push(top_of(after, top_k, "logprobs.top_logprobs[0]")?);
    }
    Ok(Verdict {
        accepted,
        correction,
        logprobs,
        target_ids,
        reused,
        top,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pairs: &[(u32, f32, u64)]) -> Value {
        let mut m = serde_json::Map::new();
        for &(id, lp, rank) in pairs {
            m.insert(
                id.to_string(),
                json!({ "logprob": lp, "rank": rank, "decoded_token": "x" }),
            );
        }
        Value::Object(m)
    }

    fn answer(pl: Vec<Value>, generated: &str) -> Value {
        json!({ "choices": [{ "index": 0, "text": "x", "prompt_logprobs": pl,
            "logprobs": { "tokens": [generated], "token_logprobs": [-0.1] } }],
            "usage": { "prompt_tokens": 4, "prompt_tokens_details": { "cached_tokens": 2 } } })
    }

    #[test]
    fn accepts_the_rank_one_prefix_and_corrects_with_the_arg_max() {
        // prompt [5, 6], draft [7, 8]: 7 is rank 1, 8 is rank 3 behind 9.
        let v = answer(
            vec![
                Value::Null,
                entry(&[(6, -0.5, 1)]),
                entry(&[(7, -0.2, 1)]),
                entry(&[(8, -2.0, 3), (9, -0.3, 1)]),
            ],
            "token_id:11",
        );
        let d = verdict_from_completion(&v, 2, &[7, 8], 0).unwrap();
        assert_eq!(d.accepted, 1);
        assert_eq!(d.correction, 9);
        assert_eq!(d.target_ids, vec![7, 9]);
        assert_eq!(d.logprobs, vec![-0.2, -2.0]);
        assert_eq!(d.reused, 2);
    }

    #[test]
    fn a_fully_accepted_draft_gets_the_generated_bonus_token() {
        let v = answer(
            vec![Value::Null, entry(&[(7, -0.2, 1)]), entry(&[(8, -0.1, 1)])],
            "token_id:42",
        );
        let d = verdict_from_completion(&v, 1, &[7, 8], 0).unwrap();
        assert_eq!((d.accepted, d.correction), (2, 42));
        let mut v2 = v.clone();
        v2["choices"][0]["logprobs"] = Value::Null;
        v2["choices"][0]["token_ids"] = json!([43]);
        assert_eq!(
            verdict_from_completion(&v2, 1, &[7, 8], 0)
                .unwrap()
                .correction,
            43
        );
    }

    #[test]
    fn upstreams_without_the_extensions_get_a_clear_error() {
        // A server that ignores prompt_logprobs (llama.cpp's, OpenAI's).
        let plain = json!({ "choices": [{ "text": "x", "logprobs": { "tokens": ["x"] } }] });
        let e = verdict_from_completion(&plain, 1, &[7], 0).unwrap_err();
        assert!(e.contains("prompt_logprobs"), "{e}");
        // Token strings instead of ids after a fully accepted draft.
        let v = answer(vec![Value::Null, entry(&[(7, -0.2, 1)])], "hello");
        let e = verdict_from_completion(&v, 1, &[7], 0).unwrap_err();
        assert!(e.contains("return_tokens_as_token_ids"), "{e}");
        // Wrong lengths, a missing token, junk keys.
        let v = answer(vec![Value::Null], "token_id:1");
        assert!(verdict_from_completion(&v, 1, &[7], 0).is_err());
        let v = answer(vec![Value::Null, entry(&[(9, -0.2, 1)])], "token_id:1");
        assert!(verdict_from_completion(&v, 1, &[7], 0)
            .unwrap_err()
            .contains("does not score"));
        let v = answer(
            vec![Value::Null, json!({ "abc": { "logprob": 0.0 } })],
            "token_id:1",
        );
        assert!(verdict_from_completion(&v, 1, &[7], 0).is_err());
    }

    #[test]
    fn without_ranks_the_highest_logprob_is_the_arg_max() {
        let mut e = serde_json::Map::new();
        e.insert("7".into(), json!({ "logprob": -1.5 }));
        e.insert("9".into(), json!({ "logprob": -0.4 }));
        let v = answer(vec![Value::Null, Value::Object(e)], "token_id:1");
        let d = verdict_from_completion(&v, 1, &[7], 0).unwrap();
        assert_eq!((d.accepted, d.correction), (0, 9));
    }

    #[test]
    fn top_logprobs_come_from_the_ranks_and_the_generated_token() {
        // prompt [5], draft [7, 8]; K = 2. Position of 8 lists 8 at rank 3: not in its top 2.
        let mut v = answer(
            vec![
                Value::Null,
                entry(&[(7, -0.2, 1), (4, -1.9, 2)]),
                entry(&[(8, -2.0, 3), (9, -0.3, 1), (2, -1.5, 2)]),
            ],
            "token_id:9",
        );
        v["choices"][0]["logprobs"]["top_logprobs"] =
            json!([{ "token_id:9": -0.1, "token_id:3": -2.5, "token_id:1": -7.0 }]);
        let d = verdict_from_completion(&v, 1, &[7, 8], 2).unwrap();
        let pairs: Vec<Vec<(u32, f32)>> = d
            .top
            .iter()
            .map(|r| r.iter().map(|t| t.pair()).collect())
            .collect();
        assert_eq!(
            pairs,
            vec![
                vec![(7, -0.2), (4, -1.9)],
                vec![(9, -0.3), (2, -1.5)],
                vec![(9, -0.1), (3, -2.5)]
            ]
        );
        // Not asked for: none. Asked for, without the generated token's list: a clear error.
        assert!(verdict_from_completion(&v, 1, &[7, 8], 0)
            .unwrap()
            .top
            .is_empty());
        v["choices"][0]["logprobs"]["top_logprobs"] = Value::Null;
        let e = verdict_from_completion(&v, 1, &[7, 8], 2).unwrap_err();
        assert!(e.contains("top_logprobs"), "{e}");
        assert!(completions_body("m", &[1], 5)["prompt_logprobs"] == 5);
        assert!(completions_body("m", &[1], 0)["logprobs"] == 1);
    }

    #[test]
    fn tokenize_answers_parse() {
        assert_eq!(
            tokens_from_tokenize(&json!({ "tokens": [1, 2, 3], "count": 3 })).unwrap(),
            vec![1, 2, 3]
        );
        assert!(tokens_from_tokenize(&json!({ "tokens": [-1] })).is_err());
        assert!(tokens_from_tokenize(&json!({})).is_err());
    }
}
