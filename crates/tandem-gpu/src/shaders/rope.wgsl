// Rotary embedding (rotate-half form, as transformers' Llama/Qwen2) of q in place and of k into
// the KV cache at the step's positions; v is copied into the cache alongside. cos/sin come from
// a table computed on the CPU in f32 (with any rope scaling), so large positions stay exact.
struct RopeParams {
    n_heads: u32,
    n_kv: u32,
    head_dim: u32,
    _pad: u32,
}

@group(0) @binding(0) var<uniform> p: RopeParams;
@group(0) @binding(1) var<storage, read_write> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> k_cache: array<kv_t>;
@group(0) @binding(5) var<storage, read_write> v_cache: array<kv_t>;
@group(0) @binding(6) var<storage, read> table: array<vec2<f32>>;
@group(0) @binding(7) var<uniform> step: Step;

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
    let cs = table[pos * half + i];
    if (h < p.n_heads) {
        let o = (t * p.n_heads + h) * p.head_dim + i;
        let x1 = q[o];
        let x2 = q[o + half];
        q[o] = x1 * cs.x - x2 * cs.y;
        q[o + half] = x2 * cs.x + x1 * cs.y;
    } else {
        let kh = h - p.n_heads;
        let o = (t * p.n_kv + kh) * p.head_dim + i;
        let c = (pos * p.n_kv + kh) * p.head_dim + i;
        let x1 = k[o];
        let x2 = k[o + half];
        k_cache[c] = kv_t(x1 * cs.x - x2 * cs.y);
        k_cache[c + half] = kv_t(x2 * cs.x + x1 * cs.y);
        v_cache[c] = kv_t(v[o]);
        v_cache[c + half] = kv_t(v[o + half]);
    }
}
