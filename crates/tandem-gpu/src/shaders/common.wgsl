// What every kernel sees of the current forward step (one uniform, rewritten once per step).
struct Step {
    n_tokens: u32,
    // Position of the first token of this step in the sequence (= tokens already cached).
    pos0: u32,
    _pad0: u32,
    _pad1: u32,
}

// Parameters of one matrix product out = x · Wᵀ (+ bias) (+ out).
struct MatParams {
    // Rows of W in this part (weights larger than one binding are split by rows).
    rows: u32,
    cols: u32,
    // Output row stride (all rows of W) and where this part's rows start in it.
    out_stride: u32,
    row_offset: u32,
    // bit 0: add bias; bit 1: accumulate into out (residual add).
    flags: u32,
    // Number of input rows; 0 = the step's token count.
    m_fixed: u32,
    // The fused RMSNorm's epsilon (matvec.wgsl with NORM).
    eps: f32,
    _pad1: u32,
}

// The element type of the KV cache (rope.wgsl writes it, attention.wgsl reads it).
#if KV_F16
alias kv_t = f16;
alias kv2_t = vec2<f16>;
#else
alias kv_t = f32;
alias kv2_t = vec2<f32>;
#endif

// Shapes of causal GQA attention (attention.wgsl and attention_merge.wgsl).
struct AttnParams {
    n_heads: u32,
    n_kv: u32,
    head_dim: u32,
    scale: f32,
    // Keys per split (a multiple of 64): a step over n keys runs in ceil(n / split) splits.
    split: u32,
    // Floats between two tokens' output rows.
    out_stride: u32,
    _pad1: u32,
    _pad2: u32,
}
