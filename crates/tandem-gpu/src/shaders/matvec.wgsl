// Decode: out[row] = dot(W[row], x) for one input row. 8, 4 or 2 rows per workgroup of 256
// (`group_rows`: fewer rows, more workgroups, for a matrix with few rows and long ones), 32, 64
// or 128 threads per row striding over 8-weight chunks; reduced through subgroups where the
// adapter has them (subgroup size ≤ 32), else through workgroup memory. ROWWISE (CPU adapters): a workgroup of 8,
// one invocation per row, no barrier. NORM (cooperative only): the RMSNorm before the product
// fused in: x is the residual stream, each workgroup first reduces its sum of squares, and the
// norm weight `g` scales x as it is read (a decode step then needs no norm dispatch per layer).
// SILU (cooperative only): x is the stacked gate/up product and the input is silu(gate) · up,
// computed as it is read (down_proj's decode needs no silu_mul dispatch).
// MERGE (cooperative only, o_proj in decode): x is attention's output, unless the step's keys
// span 2..=fused_merge splits of attention_decode.wgsl: then each workgroup first merges their
// partials (as attention_merge.wgsl does) into workgroup memory, and no merge dispatch runs.
@group(0) @binding(0) var<uniform> p: MatParams;
// binding 1: the weights `w`, declared by the format's weights_*.wgsl.
@group(0) @binding(2) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read> bias: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;

var<workgroup> partial: array<f32, 256>;

#if MERGE
@group(0) @binding(6) var<storage, read> part: array<f32>;
@group(0) @binding(7) var<uniform> ap: AttnParams;
// The input row (cols ≤ 2048).
var<workgroup> xm: array<vec4<f32>, 512>;

fn xv(i: u32) -> vec4<f32> {
    return xm[i];
}

// Chunk c (dims 4c..4c+3, one head's: head_dim is a multiple of 8) of the merged attention
// output: each split's values scaled by exp(max - the largest max), over the scaled sums.
fn merged4(c: u32, n_splits: u32) -> vec4<f32> {
    let hd = ap.head_dim;
    let h = (4u * c) / hd;
    if (h >= ap.n_heads) {
        return vec4<f32>(0.0);
    }
    let d = 4u * c - h * hd;
    let base = h * n_splits;
    var mx = -3.0e38;
    for (var s = 0u; s < n_splits; s++) {
        mx = max(mx, part[(base + s) * (hd + 2u)]);
    }
    var l = 0.0;
    var acc = vec4<f32>(0.0);
    for (var s = 0u; s < n_splits; s++) {
        let o = (base + s) * (hd + 2u);
        let w = exp(part[o] - mx);
        l += w * part[o + 1u];
        let v = o + 2u + d;
        acc += w * vec4<f32>(part[v], part[v + 1u], part[v + 2u], part[v + 3u]);
    }
    return acc / l;
}
#else
#if NORM
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;

fn xv(i: u32) -> vec4<f32> {
    return x[i] * g[i];
}
#else
#if SILU
fn xv(i: u32) -> vec4<f32> {
    let g = x[i];
    return vec4<f32>(silu(g.x), silu(g.y), silu(g.z), silu(g.w)) * x[i + p.cols / 4u];
}
#else
fn xv(i: u32) -> vec4<f32> {
    return x[i];
}
#endif
#endif
#endif

fn finish(row: u32, acc: f32) {
    let o = p.row_offset + row;
    var v = acc;
    if ((p.flags & 1u) != 0u) {
        v += bias[o];
    }
    if ((p.flags & 2u) != 0u) {
        v += out[o];
    }
    out[o] = v;
}

#if ROWWISE
@compute @workgroup_size(8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let row = gid.x;
    if (row >= p.rows) {
        return;
    }
    let n8 = p.cols / 8u;
    var acc = vec4<f32>(0.0);
    for (var k8 = 0u; k8 < n8; k8++) {
        let wv = load8(row, k8, p.cols);
        acc += wv.a * x[k8 * 2u] + wv.b * x[k8 * 2u + 1u];
    }
    finish(row, acc.x + acc.y + acc.z + acc.w);
}
#else
@compute @workgroup_size(256)
fn main(
    @builtin(local_invocation_index) li: u32,
    @builtin(workgroup_id) wg: vec3<u32>,
#if SUBGROUPS
    @builtin(subgroup_invocation_id) sg_lane: u32,
    @builtin(subgroup_size) sg_size: u32,
#endif
) {
    // Threads per row; a row's threads are whole subgroups.
    let tpr = 256u / p.group_rows;
    let r = li / tpr;
    let lane = li % tpr;
    let row = wg.x * p.group_rows + r;
#if NORM
    // 1 / sqrt(mean(x²) + eps), as rmsnorm.wgsl computes it.
    var ss = 0.0;
    for (var i = li; i < p.cols / 4u; i += 256u) {
        let v = x[i];
        ss += dot(v, v);
    }
    partial[li] = ss;
    workgroupBarrier();
    for (var k = 128u; k > 0u; k >>= 1u) {
        if (li < k) {
            partial[li] += partial[li + k];
        }
        workgroupBarrier();
    }
    let inv = inverseSqrt(partial[0] / f32(p.cols) + p.eps);
    workgroupBarrier();
#else
    let inv = 1.0;
#endif
#if MERGE
    // A one-token step's splits (LinearOp::record takes this variant only for decode).
    let n_splits = (step.pos0 + ap.split) / ap.split;
    let merge = n_splits > 1u && n_splits <= ap.fused_merge;
    for (var c = li; c < p.cols / 4u; c += 256u) {
        if (merge) {
            xm[c] = merged4(c, n_splits);
        } else {
            xm[c] = x[c];
        }
    }
    workgroupBarrier();
#endif
    var acc = 0.0;
    if (row < p.rows) {
        let n8 = p.cols / 8u;
        for (var k8 = lane; k8 < n8; k8 += tpr) {
            let wv = load8(row, k8, p.cols);
            acc += dot(wv.a, xv(k8 * 2u)) + dot(wv.b, xv(k8 * 2u + 1u));
        }
        acc *= inv;
    }
#if SUBGROUPS
    let s = subgroupAdd(acc);
    if (sg_lane == 0u) {
        partial[li / sg_size] = s;
    }
    workgroupBarrier();
    if (lane == 0u && row < p.rows) {
        var t = 0.0;
        for (var i = 0u; i < tpr / sg_size; i++) {
            t += partial[(r * tpr) / sg_size + i];
        }
        finish(row, t);
    }
#else
    partial[li] = acc;
    workgroupBarrier();
    for (var s = tpr / 2u; s > 0u; s >>= 1u) {
        if (lane < s) {
            partial[li] += partial[li + s];
        }
        workgroupBarrier();
    }
    if (lane == 0u && row < p.rows) {
        finish(row, partial[li]);
    }
#endif
}
#endif
