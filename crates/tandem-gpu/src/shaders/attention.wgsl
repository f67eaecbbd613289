// Causal attention over the KV cache with grouped queries, split over the keys (flash-decoding).
// Each (token, head, split) walks the keys of its split that the token may see with an online
// softmax (running max and sum), so any context fits and a long context is spread over
// heads × splits instead of one worker per head: decode time stays flat in the context until
// the GPU is full. With one split the output is written normalised; with more, each split
// writes (max, sum, unnormalised values) to `part` and attention_merge.wgsl combines them.
// Two kernels (AttendOp picks one per step): ROWWISE, one invocation per (token, head, split)
// (CPU adapters; prefill over many keys on GPUs), and the cooperative one (the other GPU
// steps): a workgroup per (token, head, split), one key per thread and tile of 64; SUBGROUPS
// (subgroups of ≤ 32) reduces a tile's softmax statistics through subgroups and one barrier
// instead of a six-level tree.
// Queries (rows of q_stride floats) and keys and values in pairs of dims (head_dim is even), as
// the cache stores them (kv2_t).
@group(0) @binding(1) var<storage, read> q: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read> k_cache: array<kv2_t>;
@group(0) @binding(3) var<storage, read> v_cache: array<kv2_t>;

#if ROWWISE
// One invocation per (token, head, split): keys walked in blocks of 32 (scores first, then the
// values, one rescale per block), no workgroup memory and no barrier. Used where that is
// faster than cooperating: on CPU adapters (lavapipe, SwiftShader; a barrier there is a context
// switch) for every step, and on GPUs for prefill steps over many keys, where a workgroup's 64
// invocations are 64 tokens of one head that read the same K and V rows at the same time (one
// load serves the whole SIMD vector or warp: each key is read once per 64 queries, not once per
// query as in the cooperative kernel).
// In decode the invocations are the heads × splits of the one token, packed so that no SIMD lane
// idles (9 heads in workgroups of 8 left 7 of 16 lanes idle).
// Head dims go in pairs: lavapipe ends a shader's loops after 65 535 iterations in all, which
// scalar loops over 128 keys × 256 dims × (scores, values) exceed.
fn attend(t: u32, h: u32, s: u32) {
    let hd2 = p.head_dim / 2u;
    let kvh = h / (p.n_heads / p.n_kv);
    let kv2 = p.n_kv * hd2;
    let sp = span(t, s);
    let k0 = sp.k0;
    let k1 = sp.k1;
    let n_splits = sp.n_splits;
    if (k0 >= k1) {
        return;
    }
    let qo = (t * p.q_stride + h * p.head_dim) / 2u;
    var qv: array<vec2<f32>, 128>;
    for (var d = 0u; d < hd2; d++) {
        qv[d] = q[qo + d];
    }
    var acc: array<vec2<f32>, 128>;
    var sc: array<f32, 32>;
    var m = NEG;
    var l = 0.0;
    for (var j0 = k0; j0 < k1; j0 += 32u) {
        let n = min(32u, k1 - j0);
        var m_blk = NEG;
        for (var jj = 0u; jj < n; jj++) {
            let ko = (j0 + jj) * kv2 + kvh * hd2;
            var dotv = vec2<f32>(0.0);
            for (var d = 0u; d < hd2; d++) {
                dotv += qv[d] * kv_in(k_cache[ko + d]);
            }
            sc[jj] = (dotv.x + dotv.y) * p.scale;
            m_blk = max(m_blk, sc[jj]);
        }
        let m_new = max(m, m_blk);
        let corr = exp(m - m_new);
        l *= corr;
        for (var d = 0u; d < hd2; d++) {
            acc[d] *= corr;
        }
        for (var jj = 0u; jj < n; jj++) {
            let e = exp(sc[jj] - m_new);
            l += e;
            let vo = (j0 + jj) * kv2 + kvh * hd2;
            for (var d = 0u; d < hd2; d++) {
                acc[d] += e * kv_in(v_cache[vo + d]);
            }
        }
        m = m_new;
    }
    let dst = dest(t, h, s, n_splits, m, l, true);
    for (var d = 0u; d < hd2; d++) {
        out_pair(n_splits, dst.o + 2u * d, acc[d] / dst.z);
    }
}

// Decode: x over (splits × heads) invocations. Prefill: (token, split, head). WIDE (GPUs):
// workgroups of 64, two warps; else 8, one SIMD vector of a CPU adapter, so that even a short
// step's few invocations spread over its cores. attend() has one call site: lavapipe compiles
// each inlined copy of its loops over private arrays anew, and three copies took 27 s, not 4 s
// (sharing each K/V load across a group's heads, as vec4s, compiled for 150 s).
#if WIDE
@compute @workgroup_size(64)
#else
@compute @workgroup_size(8)
#endif
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    // Past the last split, span() gives no keys.
    var t = 0u;
    var h = gid.x % p.n_heads;
    var s = gid.x / p.n_heads;
    if (step.n_tokens > 1u) {
        t = gid.x;
        h = gid.z;
        s = gid.y;
    }
    if (t < step.n_tokens) {
        attend(t, h, s);
    }
}
#else
// GPUs: workgroup (head h, split s, token t), one key per thread and tile.
var<workgroup> qs: array<vec2<f32>, 128>;
var<workgroup> probs: array<f32, 64>;
var<workgroup> red_m: array<f32, 64>;
var<workgroup> red_l: array<f32, 64>;

@compute @workgroup_size(64)
fn main(
    @builtin(local_invocation_index) li: u32,
    @builtin(workgroup_id) wg: vec3<u32>,
#if SUBGROUPS
    @builtin(subgroup_invocation_id) sg_lane: u32,
    @builtin(subgroup_size) sg_size: u32,
#endif
) {
    let h = wg.x;
    let s = wg.y;
    let t = wg.z;
    let hd2 = p.head_dim / 2u;
    let kvh = h / (p.n_heads / p.n_kv);
    let kv2 = p.n_kv * hd2;
    let sp = span(t, s);
    let k0 = sp.k0;
    let k1 = sp.k1;
    let n_splits = sp.n_splits;
    if (k0 >= k1) {
        return;
    }
    let qo = (t * p.q_stride + h * p.head_dim) / 2u;
    for (var d = li; d < hd2; d += 64u) {
        qs[d] = q[qo + d];
    }
    workgroupBarrier();
    var m = NEG;
    var l = 0.0;
    // Thread li owns the dim pairs li and li + 64.
    var acc0 = vec2<f32>(0.0);
    var acc1 = vec2<f32>(0.0);
    for (var j0 = k0; j0 < k1; j0 += 64u) {
        let j = j0 + li;
        var sc = NEG;
        if (j < k1) {
            let ko = j * kv2 + kvh * hd2;
            var dotv = vec2<f32>(0.0);
            for (var d = 0u; d < hd2; d++) {
                dotv += qs[d] * kv_in(k_cache[ko + d]);
            }
            sc = (dotv.x + dotv.y) * p.scale;
        }
#if SUBGROUPS
        // The tile's max and sum of exp(score - max): per subgroup (≤ 32 lanes), then the
        // subgroups' (max, sum) pairs combined by every thread after one barrier.
        let sm = subgroupMax(sc);
        let sl = subgroupAdd(select(0.0, exp(sc - sm), j < k1));
        if (sg_lane == 0u) {
            red_m[li / sg_size] = sm;
            red_l[li / sg_size] = sl;
        }
        workgroupBarrier();
        var m_tile = NEG;
        for (var i = 0u; i < 64u / sg_size; i++) {
            m_tile = max(m_tile, red_m[i]);
        }
        var l_tile = 0.0;
        for (var i = 0u; i < 64u / sg_size; i++) {
            l_tile += red_l[i] * exp(red_m[i] - m_tile);
        }
#else
        // The tile's max and sum of exp(score - max) in one tree of (max, sum) pairs: half the
        // barriers of a max reduction followed by a sum reduction.
        red_m[li] = sc;
        red_l[li] = select(0.0, 1.0, j < k1);
        workgroupBarrier();
        for (var w = 32u; w > 0u; w >>= 1u) {
            if (li < w) {
                let ma = red_m[li];
                let mb = red_m[li + w];
                let mx = max(ma, mb);
                red_l[li] = red_l[li] * exp(ma - mx) + red_l[li + w] * exp(mb - mx);
                red_m[li] = mx;
            }
            workgroupBarrier();
        }
        let m_tile = red_m[0];
        let l_tile = red_l[0];
#endif
        let m_new = max(m, m_tile);
        probs[li] = select(0.0, exp(sc - m_new), j < k1);
        let corr = exp(m - m_new);
        l = l * corr + l_tile * exp(m_tile - m_new);
        acc0 *= corr;
        acc1 *= corr;
        workgroupBarrier();
        let n = min(64u, k1 - j0);
        for (var jj = 0u; jj < n; jj++) {
            let pj = probs[jj];
            let vo = (j0 + jj) * kv2 + kvh * hd2;
            if (li < hd2) {
                acc0 += pj * kv_in(v_cache[vo + li]);
            }
            if (li + 64u < hd2) {
                acc1 += pj * kv_in(v_cache[vo + li + 64u]);
            }
        }
        m = m_new;
        workgroupBarrier();
    }
    let dst = dest(t, h, s, n_splits, m, l, li == 0u);
    if (li < hd2) {
        out_pair(n_splits, dst.o + 2u * li, acc0 / dst.z);
    }
    if (li + 64u < hd2) {
        out_pair(n_splits, dst.o + 2u * li + 128u, acc1 / dst.z);
    }
}
#endif
