// Causal attention over the KV cache with grouped queries, split over the keys (flash-decoding).
// Workgroup (head h, split s, token t) walks the keys of split s that token t may see, 64 at a
// time, with an online softmax (running max and sum), so any context fits in workgroup memory
// and a long context is spread over heads × splits workgroups instead of one per head: decode
// time stays flat in the context until the GPU is full. With one split the output is written
// normalised; with more, each split writes (max, sum, unnormalised values) to `part` and
// attention_merge.wgsl combines them. Each thread owns head dims li, li+64, li+128, li+192.
// SUBGROUPS (GPUs with subgroups of ≤ 32): a tile's softmax statistics through subgroup
// reductions and one barrier instead of a six-level tree.
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

#if ROWWISE
// CPU adapters (lavapipe, SwiftShader): one invocation per (head, split, token), keys walked in
// blocks of 32 (scores first, then one rescale of the values per block), no workgroup memory and
// no barrier: there a barrier is a context switch between invocations. A workgroup's eight
// invocations run as the lanes of one SIMD vector: eight heads of the one token in decode, eight
// tokens of one head in a prefill, where every lane then reads the same K and V rows (one load
// for all lanes instead of a gather).
// Head dims go in pairs (head_dim is even): lavapipe ends a shader's loops after 65 535
// iterations in all, which scalar loops over 128 keys × 256 dims × (scores, values) exceed.
@group(0) @binding(1) var<storage, read> q: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read> k_cache: array<kv2_t>;
@group(0) @binding(3) var<storage, read> v_cache: array<kv2_t>;

@compute @workgroup_size(8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let decode = step.n_tokens == 1u;
    let h = select(gid.z, gid.x, decode);
    let t = select(gid.x, 0u, decode);
    let s = gid.y;
    if (h >= p.n_heads || t >= step.n_tokens) {
        return;
    }
    let hd = p.head_dim;
    let kvh = h / (p.n_heads / p.n_kv);
    let kv_stride = p.n_kv * hd;
    let sp = span(t, s);
    let k0 = sp.k0;
    let k1 = sp.k1;
    let n_splits = sp.n_splits;
    if (k0 >= k1) {
        return;
    }
    // In pairs of dims from here on.
    let hd2 = hd / 2u;
    let kv2 = kv_stride / 2u;
    let qo = (t * p.n_heads + h) * hd2;
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
                dotv += qv[d] * vec2<f32>(k_cache[ko + d]);
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
                acc[d] += e * vec2<f32>(v_cache[vo + d]);
            }
        }
        m = m_new;
    }
    if (n_splits == 1u) {
        for (var d = 0u; d < hd2; d++) {
            let o = t * p.out_stride + h * hd + 2u * d;
            out[o] = acc[d].x / l;
            out[o + 1u] = acc[d].y / l;
        }
        return;
    }
    let pb = split_offset(t, h, s, n_splits);
    part[pb] = m;
    part[pb + 1u] = l;
    for (var d = 0u; d < hd2; d++) {
        part[pb + 2u + 2u * d] = acc[d].x;
        part[pb + 3u + 2u * d] = acc[d].y;
    }
}
#else
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k_cache: array<kv_t>;
@group(0) @binding(3) var<storage, read> v_cache: array<kv_t>;

var<workgroup> qs: array<f32, 256>;
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
    let hd = p.head_dim;
    let kvh = h / (p.n_heads / p.n_kv);
    let kv_stride = p.n_kv * hd;
    let sp = span(t, s);
    let k0 = sp.k0;
    let k1 = sp.k1;
    let n_splits = sp.n_splits;
    if (k0 >= k1) {
        return;
    }
    let qo = (t * p.n_heads + h) * hd;
    for (var d = li; d < hd; d += 64u) {
        qs[d] = q[qo + d];
    }
    workgroupBarrier();
    var m = NEG;
    var l = 0.0;
    var acc = vec4<f32>(0.0);
    for (var j0 = k0; j0 < k1; j0 += 64u) {
        let j = j0 + li;
        var sc = NEG;
        if (j < k1) {
            let ko = j * kv_stride + kvh * hd;
            var dotv = 0.0;
            for (var d = 0u; d < hd; d++) {
                dotv += qs[d] * f32(k_cache[ko + d]);
            }
            sc = dotv * p.scale;
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
        acc *= corr;
        workgroupBarrier();
        let n = min(64u, k1 - j0);
        for (var jj = 0u; jj < n; jj++) {
            let pj = probs[jj];
            let vo = (j0 + jj) * kv_stride + kvh * hd;
            for (var c = 0u; c < 4u; c++) {
                let d = li + 64u * c;
                if (d < hd) {
                    acc[c] += pj * f32(v_cache[vo + d]);
                }
            }
        }
        m = m_new;
        workgroupBarrier();
    }
    if (n_splits == 1u) {
        for (var c = 0u; c < 4u; c++) {
            let d = li + 64u * c;
            if (d < hd) {
                out[t * p.out_stride + h * hd + d] = acc[c] / l;
            }
        }
        return;
    }
    let pb = split_offset(t, h, s, n_splits);
    if (li == 0u) {
        part[pb] = m;
        part[pb + 1u] = l;
    }
    for (var c = 0u; c < 4u; c++) {
        let d = li + 64u * c;
        if (d < hd) {
            part[pb + 2u + d] = acc[c];
        }
    }
}
#endif
