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
    // Rows per workgroup of the cooperative matvec: 8, 4 or 2 (MatParams::group_rows).
    group_rows: u32,
}

// SwiGLU's activation (silu_mul.wgsl, and matvec.wgsl with SILU).
fn silu(g: f32) -> f32 {
    return g / (1.0 + exp(-g));
}

// The KV cache, in pairs of dims (rope.wgsl writes it, attention.wgsl reads it): f32, f16
// where the adapter has shader-f16, or f16 packed two to a u32 where it has not.
#if KV_F16
#if F16
alias kv2_t = vec2<f16>;

fn kv_in(x: kv2_t) -> vec2<f32> {
    return vec2<f32>(x);
}

fn kv_out(v: vec2<f32>) -> kv2_t {
    return vec2<f16>(v);
}
#else
alias kv2_t = u32;

fn kv_in(x: kv2_t) -> vec2<f32> {
    return unpack2x16float(x);
}

fn kv_out(v: vec2<f32>) -> kv2_t {
    return pack2x16float(v);
}
#endif
#else
alias kv2_t = vec2<f32>;

fn kv_in(x: kv2_t) -> vec2<f32> {
    return x;
}

fn kv_out(v: vec2<f32>) -> kv2_t {
    return v;
}
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
    // Floats between two tokens' query rows (the stacked q/k/v product).
    q_stride: u32,
    // GPU decode: up to this many splits, o_proj's matvec merges them itself (MERGE); 0: never.
    fused_merge: u32,
}
