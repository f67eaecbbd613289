// What the split kernels (attention.wgsl, attention_decode.wgsl) share: the bindings besides
// q and the caches, which keys a split sees, and where it writes (max, sum, unnormalised
// values) for attention_merge.wgsl.
@group(0) @binding(0) var<uniform> p: AttnParams;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;
// Per (token, head, split): max, sum, then head_dim unnormalised values.
@group(0) @binding(6) var<storage, read_write> part: array<f32>;

const NEG: f32 = -3.0e38;

// The keys split s of token t sees, [k0, k1) (none for an early token of a prefill chunk: the
// merge reads only the splits a token sees), and the step's number of splits.
struct Span {
    k0: u32,
    k1: u32,
    n_splits: u32,
}

fn span(t: u32, s: u32) -> Span {
    let k0 = s * p.split;
    let n_splits = (step.pos0 + step.n_tokens + p.split - 1u) / p.split;
    return Span(k0, min(step.pos0 + t + 1u, k0 + p.split), n_splits);
}

// Where split s of (token t, head h) writes its (max, sum, unnormalised values) in `part`.
fn split_offset(t: u32, h: u32, s: u32, n_splits: u32) -> u32 {
    return ((t * p.n_heads + h) * n_splits + s) * (p.head_dim + 2u);
}

// Two dims of a result: normalised into `out` when the step has one split, else into `part`.
fn out_pair(n_splits: u32, o: u32, v: vec2<f32>) {
    if (n_splits == 1u) {
        out[o] = v.x;
        out[o + 1u] = v.y;
    } else {
        part[o] = v.x;
        part[o + 1u] = v.y;
    }
}

// Where (token t, head h, split s) writes its result (see out_pair), and the divisor; the
// (max, sum) pair goes first in `part`.
struct Dest {
    o: u32,
    z: f32,
}

fn dest(t: u32, h: u32, s: u32, n_splits: u32, m: f32, l: f32, first: bool) -> Dest {
    if (n_splits == 1u) {
        return Dest(t * p.out_stride + h * p.head_dim, l);
    }
    let pb = split_offset(t, h, s, n_splits);
    if (first) {
        part[pb] = m;
        part[pb + 1u] = l;
    }
    return Dest(pb + 2u, 1.0);
}

