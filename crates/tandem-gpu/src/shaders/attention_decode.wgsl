// GPU decode (one token), with rope fused in: a workgroup of 128 threads per (head, split of
// p.split = 64 keys), for head dims that are a multiple of 8 up to 256 (AttendOp takes rope.wgsl
// and attention.wgsl otherwise).
// What bounds decode attention on a GPU is each thread's chain of loads, and then the fixed
// cost of a dispatch (~5 µs on an H200), not bytes. The cooperative kernel of attention.wgsl
// gave a thread one key's dot product and then all 64 keys' values of a dim pair, ~190 loads a
// split of 128: 64 µs a dispatch whatever the context. Here a thread loads at most 8 keys'
// 4-dim chunks (16 bytes f32, 8 f16) for the scores (two threads a key) and as many for the
// values ((chunk, group of keys) a thread, the groups summed in workgroup memory).
// Rope: the step's query is rotated as it is read, and so is the step's key, which the split
// holding it takes from the q/k/v product rather than the cache; one workgroup per K/V head (its
// group's first head, last split) writes that key and value into the cache, as rope.wgsl does
// for prefill: no rope dispatch per layer in decode. The key is rounded as the cache stores it
// before it is used, so the step sees what every later step reads.
#if KV_F16
// Four f16 dims: the cache's bytes whether stored as f16 or packed in u32.
alias kv4_t = vec2<u32>;
fn kv4(x: kv4_t) -> vec4<f32> {
    return vec4<f32>(unpack2x16float(x.x), unpack2x16float(x.y));
}
fn kv4_out(v: vec4<f32>) -> kv4_t {
    return vec2<u32>(pack2x16float(v.xy), pack2x16float(v.zw));
}
#else
alias kv4_t = vec4<f32>;
fn kv4(x: kv4_t) -> vec4<f32> {
    return x;
}
fn kv4_out(v: vec4<f32>) -> kv4_t {
    return v;
}
#endif
// The stacked q/k/v product (rows of q_stride floats: q's heads, k's, v's).
@group(0) @binding(1) var<storage, read> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> k_cache: array<kv4_t>;
@group(0) @binding(3) var<storage, read_write> v_cache: array<kv4_t>;
// rope.wgsl's (cos, sin) table: head_dim / 2 entries a position.
@group(0) @binding(7) var<storage, read> table: array<vec2<f32>>;

const THREADS: u32 = 128u;
// Keys per split (AttnParams::DECODE_SPLIT): two threads a key.
const KEYS: u32 = 64u;

var<workgroup> qs: array<vec4<f32>, 64>;
var<workgroup> dots: array<f32, 128>;
var<workgroup> probs: array<f32, 64>;
var<workgroup> red: array<f32, 32>;
var<workgroup> accs: array<vec4<f32>, 128>;

// Chunk c (dims 4c..4c+3) of the head whose first chunk is at o4 in `qkv`, rotated for `pos`
// (rotate-half: dims d and d ± head_dim/2 pair up; head_dim / 2 is a multiple of 4 here).
fn rotated4(o4: u32, c: u32, pos: u32) -> vec4<f32> {
    let half = p.head_dim / 2u;
    let half4 = half / 4u;
    let first = c < half4;
    let ci = select(c - half4, c, first);
    let x = qkv[o4 + c];
    let y = qkv[o4 + select(c - half4, c + half4, first)];
    let t = pos * half + 4u * ci;
    let cs = vec4<f32>(table[t].x, table[t + 1u].x, table[t + 2u].x, table[t + 3u].x);
    let sn = vec4<f32>(table[t].y, table[t + 1u].y, table[t + 2u].y, table[t + 3u].y);
    return select(x * cs + y * sn, x * cs - y * sn, first);
}

// The max (is_max) or the sum over the workgroup of one value per thread.
fn all_reduce(li: u32, v: f32, is_max: bool, sg_lane: u32, sg_size: u32) -> f32 {
#if SUBGROUPS
    var s: f32;
    if (is_max) {
        s = subgroupMax(v);
    } else {
        s = subgroupAdd(v);
    }
    if (sg_lane == 0u) {
        red[li / sg_size] = s;
    }
#else
    // Without subgroups: 8 partial results of 16 threads each through workgroup memory.
    dots[li] = v;
    workgroupBarrier();
    if (li < 8u) {
        var r = dots[li * 16u];
        for (var i = 1u; i < 16u; i++) {
            let x = dots[li * 16u + i];
            r = select(r + x, max(r, x), is_max);
        }
        red[li] = r;
    }
#endif
    workgroupBarrier();
    var r = red[0];
    for (var i = 1u; i < n_red(sg_size); i++) {
        r = select(r + red[i], max(r, red[i]), is_max);
    }
    workgroupBarrier();
    return r;
}

// How many partial results all_reduce leaves in `red` (subgroups of 4 to 128 lanes).
fn n_red(sg_size: u32) -> u32 {
#if SUBGROUPS
    return max(1u, THREADS / sg_size);
#else
    return 8u;
#endif
}

@compute @workgroup_size(128)
fn main(
    @builtin(local_invocation_index) li: u32,
    @builtin(workgroup_id) wg: vec3<u32>,
#if SUBGROUPS
    @builtin(subgroup_invocation_id) sg_lane: u32,
    @builtin(subgroup_size) sg_size: u32,
#endif
) {
#if SUBGROUPS
#else
    let sg_lane = 0u;
    let sg_size = 1u;
#endif
    let h = wg.x;
    let s = wg.y;
    let hd4 = p.head_dim / 4u;
    let group = p.n_heads / p.n_kv;
    let kvh = h / group;
    let pos = step.pos0;
    // Chunks of 4 dims between two keys' rows; the head's first chunk in a row.
    let row4 = p.n_kv * hd4;
    let col4 = kvh * hd4;
    let sp = span(0u, s);
    let k0 = sp.k0;
    let n = sp.k1 - sp.k0;
    let n_splits = sp.n_splits;
    // The step's key and value heads in `qkv` (q_stride and head_dim are multiples of 4 here).
    let k4 = (p.n_heads + kvh) * hd4;
    let v4 = (p.n_heads + p.n_kv + kvh) * hd4;
    for (var c = li; c < hd4; c += THREADS) {
        qs[c] = rotated4(h * hd4, c, pos);
    }
    let last = s + 1u == n_splits;
    if (last && h % group == 0u) {
        for (var c = li; c < hd4; c += THREADS) {
            k_cache[pos * row4 + col4 + c] = kv4_out(rotated4(k4, c, pos));
            v_cache[pos * row4 + col4 + c] = kv4_out(qkv[v4 + c]);
        }
    }
    workgroupBarrier();

    // Scores: key li / 2, every other chunk from li % 2. The step's own key (the last of the
    // last split) comes from `qkv`, rounded as the cache holds it.
    let j = li / 2u;
    var dot4 = vec4<f32>(0.0);
    if (j < n) {
        let ko = (k0 + j) * row4 + col4;
        let fresh = k0 + j == pos;
        for (var c = li % 2u; c < hd4; c += 2u) {
            var kc: vec4<f32>;
            if (fresh) {
                kc = kv4(kv4_out(rotated4(k4, c, pos)));
            } else {
                kc = kv4(k_cache[ko + c]);
            }
            dot4 += qs[c] * kc;
        }
    }
    dots[li] = dot4.x + dot4.y + dot4.z + dot4.w;
    workgroupBarrier();
    // Thread li < n holds key li's score; the others NEG.
    var sc = NEG;
    if (li < n) {
        sc = (dots[2u * li] + dots[2u * li + 1u]) * p.scale;
    }
    workgroupBarrier();
    let m = all_reduce(li, sc, true, sg_lane, sg_size);
    var e = 0.0;
    if (li < n) {
        e = exp(sc - m);
    }
    if (li < KEYS) {
        probs[li] = e;
    }
    let l = all_reduce(li, e, false, sg_lane, sg_size);

    // Values: chunk c of the keys g, g + groups, ...; the groups' sums (≥ 2 groups: hd4 ≤ 64)
    // meet in `accs`.
    let groups = THREADS / hd4;
    let c = li % hd4;
    let g = li / hd4;
    var acc = vec4<f32>(0.0);
    if (g < groups) {
        for (var jj = g; jj < n; jj += groups) {
            var vc: vec4<f32>;
            if (k0 + jj == pos) {
                vc = kv4(kv4_out(qkv[v4 + c]));
            } else {
                vc = kv4(v_cache[(k0 + jj) * row4 + col4 + c]);
            }
            acc += probs[jj] * vc;
        }
    }
    let dst = dest(0u, h, s, n_splits, m, l, li == 0u);
    accs[li] = acc;
    workgroupBarrier();
    if (li < hd4) {
        var sum = vec4<f32>(0.0);
        for (var gg = 0u; gg < groups; gg++) {
            sum += accs[gg * hd4 + li];
        }
        out_pair(n_splits, dst.o + 4u * li, sum.xy / dst.z);
        out_pair(n_splits, dst.o + 4u * li + 2u, sum.zw / dst.z);
    }
}
