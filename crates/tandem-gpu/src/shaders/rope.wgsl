// Rotary embedding (rotate-half form, as transformers' Llama/Qwen2) of q in place and of k into
// the KV cache at the step's positions; v is copied into the cache alongside. cos/sin come from
// a table computed on the CPU in f32 (with any rope scaling), so large positions stay exact.
// An invocation rotates dims (i, i + half) of a query head in place (it reads both before it
// writes either), or writes dims (2j, 2j + 1) of a key head, the pair the cache stores as one
// element (kv2_t).
struct RopeParams {
    n_heads: u32,
    n_kv: u32,
    head_dim: u32,
    // Floats per token in `qkv`: q's heads, then k's, then v's.
    stride: u32,
}

@group(0) @binding(0) var<uniform> p: RopeParams;
// The stacked q/k/v product: q rotated in place, k and v read.
@group(0) @binding(1) var<storage, read_write> qkv: array<f32>;
@group(0) @binding(2) var<storage, read_write> k_cache: array<kv2_t>;
@group(0) @binding(3) var<storage, read_write> v_cache: array<kv2_t>;
@group(0) @binding(4) var<storage, read> table: array<vec2<f32>>;
@group(0) @binding(5) var<uniform> step: Step;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let half = p.head_dim / 2u;
    let t = gid.y;
    let idx = gid.x;
    if (t >= step.n_tokens || idx >= (p.n_heads + p.n_kv) * half) {
        return;
    }
    let h = idx / half;
    let i = idx % half;
    let pos = step.pos0 + t;
    if (h < p.n_heads) {
        let cs = table[pos * half + i];
        let o = t * p.stride + h * p.head_dim + i;
        let x1 = qkv[o];
        let x2 = qkv[o + half];
        qkv[o] = x1 * cs.x - x2 * cs.y;
        qkv[o + half] = x2 * cs.x + x1 * cs.y;
    } else {
        // Here `i` counts pairs of dims: key head kh's dims 2i and 2i + 1.
        let kh = h - p.n_heads;
        let o = t * p.stride + (p.n_heads + kh) * p.head_dim;
        let kr = vec2<f32>(rotated(o, 2u * i, pos), rotated(o, 2u * i + 1u, pos));
        let c = ((pos * p.n_kv + kh) * p.head_dim) / 2u + i;
        k_cache[c] = kv_out(kr);
        let vo = o + p.n_kv * p.head_dim + 2u * i;
        v_cache[c] = kv_out(vec2<f32>(qkv[vo], qkv[vo + 1u]));
    }
}

// Dim d of the key row at `o`, rotated for position `pos`.
fn rotated(o: u32, d: u32, pos: u32) -> f32 {
    let half = p.head_dim / 2u;
    if (d < half) {
        let cs = table[pos * half + d];
        return qkv[o + d] * cs.x - qkv[o + d + half] * cs.y;
    }
    let cs = table[pos * half + d - half];
    return qkv[o + d] * cs.x + qkv[o + d - half] * cs.y;
}
