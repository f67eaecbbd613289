// Prefill: out[m, row] = dot(W[row], x[m]) for many input rows. Tiles of 64 weight rows × 32
// input rows × 32 columns in workgroup memory; each of the 256 threads computes 4 rows × 2
// inputs. Weights are dequantized once per tile and reused by all 32 input rows.
// WIDE (a large product on a GPU, see LinearOp): tiles of 64 rows × 64 inputs × 16 columns, 4 × 4
// outputs per thread: twice the input rows per dequantized weight and 16 multiply-adds per 8
// reads of workgroup memory instead of 8 per 6, for steps that still give a large GPU enough
// workgroups. Both accumulate in f32.
// ROWWISE (CPU adapters, where a workgroup barrier is a context switch): the same 64 × 32 tile
// per workgroup, one invocation per weight row, 4 inputs at a time, no workgroup memory.
@group(0) @binding(0) var<uniform> p: MatParams;
// binding 1: the weights `w`, declared by the format's weights_*.wgsl.
@group(0) @binding(2) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read> bias: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;

const TN: u32 = 64u;
#if WIDE
const TM: u32 = 64u;
const TK: u32 = 16u;
#else
const TM: u32 = 32u;
const TK: u32 = 32u;
#endif
// Row strides padded by one to spread the reads over memory banks.
const WS: u32 = TK + 1u;
const XS: u32 = TK + 1u;

// out[m, row] = acc (+ bias) (+ out).
fn write(m: u32, row: u32, acc: f32) {
    let o = m * p.out_stride + p.row_offset + row;
    var v = acc;
    if ((p.flags & 1u) != 0u) {
        v += bias[p.row_offset + row];
    }
    if ((p.flags & 2u) != 0u) {
        v += out[o];
    }
    out[o] = v;
}

fn store(m: u32, row: u32, acc: vec4<f32>) {
    write(m, row, acc.x + acc.y + acc.z + acc.w);
}

#if ROWWISE
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let m_total = select(step.n_tokens, p.m_fixed, p.m_fixed != 0u);
    let row = wg.x * TN + li;
    let m0 = wg.y * TM;
    if (row >= p.rows || m0 >= m_total) {
        return;
    }
    let m_end = min(m0 + TM, m_total);
    let n8 = p.cols / 8u;
    let xs = p.cols / 4u;
    for (var mb = m0; mb < m_end; mb += 4u) {
        // Inputs past the end repeat the last one; their sums are not stored.
        let x0 = mb * xs;
        let x1 = min(mb + 1u, m_end - 1u) * xs;
        let x2 = min(mb + 2u, m_end - 1u) * xs;
        let x3 = min(mb + 3u, m_end - 1u) * xs;
        var a0 = vec4<f32>(0.0);
        var a1 = vec4<f32>(0.0);
        var a2 = vec4<f32>(0.0);
        var a3 = vec4<f32>(0.0);
        for (var k8 = 0u; k8 < n8; k8++) {
            let wv = load8(row, k8, p.cols);
            let b = k8 * 2u;
            a0 += wv.a * x[x0 + b] + wv.b * x[x0 + b + 1u];
            a1 += wv.a * x[x1 + b] + wv.b * x[x1 + b + 1u];
            a2 += wv.a * x[x2 + b] + wv.b * x[x2 + b + 1u];
            a3 += wv.a * x[x3 + b] + wv.b * x[x3 + b + 1u];
        }
        store(mb, row, a0);
        if (mb + 1u < m_end) {
            store(mb + 1u, row, a1);
        }
        if (mb + 2u < m_end) {
            store(mb + 2u, row, a2);
        }
        if (mb + 3u < m_end) {
            store(mb + 3u, row, a3);
        }
    }
}
#else
var<workgroup> wt: array<f32, TN * WS>;
var<workgroup> xt: array<f32, TM * XS>;

// Chunk c (8 weights from column k0 + 8c) of tile row r into `wt`; zeros past the last row.
fn stage_w(r: u32, c: u32, n0: u32, k0: u32) {
    var v = W8(vec4<f32>(0.0), vec4<f32>(0.0));
    if (n0 + r < p.rows) {
        v = load8(n0 + r, k0 / 8u + c, p.cols);
    }
    let o = r * WS + c * 8u;
    wt[o] = v.a.x; wt[o + 1u] = v.a.y; wt[o + 2u] = v.a.z; wt[o + 3u] = v.a.w;
    wt[o + 4u] = v.b.x; wt[o + 5u] = v.b.y; wt[o + 6u] = v.b.z; wt[o + 7u] = v.b.w;
}

// Chunk c (4 floats from column k0 + 4c) of input row m0 + r into `xt`; zeros past the last.
fn stage_x(r: u32, c: u32, m0: u32, k0: u32, m_total: u32) {
    var v = vec4<f32>(0.0);
    if (m0 + r < m_total) {
        v = x[((m0 + r) * p.cols + k0) / 4u + c];
    }
    let o = r * XS + c * 4u;
    xt[o] = v.x; xt[o + 1u] = v.y; xt[o + 2u] = v.z; xt[o + 3u] = v.w;
}

// Row r's weight at column k of the tile, for the four rows tn, tn + 16, tn + 32, tn + 48.
fn w4(tn: u32, k: u32) -> vec4<f32> {
    return vec4<f32>(wt[tn * WS + k], wt[(tn + 16u) * WS + k], wt[(tn + 32u) * WS + k],
        wt[(tn + 48u) * WS + k]);
}

// The four outputs (input m; rows row, row + 16, row + 32, row + 48) of one accumulator.
fn write4(m: u32, row: u32, m_total: u32, a: vec4<f32>) {
    if (m >= m_total) {
        return;
    }
    if (row < p.rows) {
        write(m, row, a.x);
    }
    if (row + 16u < p.rows) {
        write(m, row + 16u, a.y);
    }
    if (row + 32u < p.rows) {
        write(m, row + 32u, a.z);
    }
    if (row + 48u < p.rows) {
        write(m, row + 48u, a.w);
    }
}

// Accumulators are named vec4s, never private arrays: an array indexed in a loop can land in
// local memory on a GPU whose compiler does not unroll the loop (seen on an H200: 0.1–0.5
// TFLOP/s for SmolLM2's prefill products with `var acc: array<f32, 8>`).
#if WIDE
@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let m_total = select(step.n_tokens, p.m_fixed, p.m_fixed != 0u);
    let n0 = wg.x * TN;
    let m0 = wg.y * TM;
    let tn = li % 16u; // rows n0 + tn + 16 j, j < 4
    let tm = li / 16u; // inputs m0 + tm + 16 i, i < 4
    var a0 = vec4<f32>(0.0);
    var a1 = vec4<f32>(0.0);
    var a2 = vec4<f32>(0.0);
    var a3 = vec4<f32>(0.0);
    for (var k0 = 0u; k0 < p.cols; k0 += TK) {
        // 64 rows × 2 chunks of 8 weights: one chunk for each of the first 128 threads; 64
        // inputs × 4 chunks of 4 floats: one chunk per thread.
        if (li < 128u) {
            stage_w(li / 2u, li % 2u, n0, k0);
        }
        stage_x(li / 4u, li % 4u, m0, k0, m_total);
        workgroupBarrier();
        for (var k = 0u; k < TK; k++) {
            let wv = w4(tn, k);
            a0 += wv * xt[tm * XS + k];
            a1 += wv * xt[(tm + 16u) * XS + k];
            a2 += wv * xt[(tm + 32u) * XS + k];
            a3 += wv * xt[(tm + 48u) * XS + k];
        }
        workgroupBarrier();
    }
    write4(m0 + tm, n0 + tn, m_total, a0);
    write4(m0 + tm + 16u, n0 + tn, m_total, a1);
    write4(m0 + tm + 32u, n0 + tn, m_total, a2);
    write4(m0 + tm + 48u, n0 + tn, m_total, a3);
}
#else

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let m_total = select(step.n_tokens, p.m_fixed, p.m_fixed != 0u);
    let n0 = wg.x * TN;
    let m0 = wg.y * TM;
    let tn = li % 16u; // rows n0 + tn + 16 j, j < 4
    let tm = li / 16u; // inputs m0 + tm + 16 i, i < 2
    var a0 = vec4<f32>(0.0);
    var a1 = vec4<f32>(0.0);
    for (var k0 = 0u; k0 < p.cols; k0 += TK) {
        // 64 rows × 4 chunks of 8 weights, 32 inputs × 8 chunks of 4 floats: one of each per
        // thread.
        stage_w(li / 4u, li % 4u, n0, k0);
        stage_x(li / 8u, li % 8u, m0, k0, m_total);
        workgroupBarrier();
        for (var k = 0u; k < TK; k++) {
            let wv = w4(tn, k);
            a0 += wv * xt[tm * XS + k];
            a1 += wv * xt[(tm + 16u) * XS + k];
        }
        workgroupBarrier();
    }
    write4(m0 + tm, n0 + tn, m_total, a0);
    write4(m0 + tm + 16u, n0 + tn, m_total, a1);
}
#endif
#endif
