// Causal attention over the KV cache with grouped queries: one workgroup per (query head, token).
// Keys are taken 64 at a time with an online softmax (running max and sum), so any context
// length fits in workgroup memory. Each thread owns head dims li, li+64, li+128, li+192.
struct AttnParams {
    n_heads: u32,
    n_kv: u32,
    head_dim: u32,
    scale: f32,
}

@group(0) @binding(0) var<uniform> p: AttnParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k_cache: array<f32>;
@group(0) @binding(3) var<storage, read> v_cache: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;

const NEG: f32 = -3.0e38;

var<workgroup> qs: array<f32, 256>;
var<workgroup> probs: array<f32, 64>;
var<workgroup> red: array<f32, 64>;

fn reduce_max(li: u32) -> f32 {
    for (var s = 32u; s > 0u; s >>= 1u) {
        if (li < s) {
            red[li] = max(red[li], red[li + s]);
        }
        workgroupBarrier();
    }
    let r = red[0];
    workgroupBarrier();
    return r;
}

fn reduce_sum(li: u32) -> f32 {
    for (var s = 32u; s > 0u; s >>= 1u) {
        if (li < s) {
            red[li] += red[li + s];
        }
        workgroupBarrier();
    }
    let r = red[0];
    workgroupBarrier();
    return r;
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let h = wg.x;
    let t = wg.y;
    let hd = p.head_dim;
    let kvh = h / (p.n_heads / p.n_kv);
    let kv_stride = p.n_kv * hd;
    let n_keys = step.pos0 + t + 1u;
    let qo = (t * p.n_heads + h) * hd;
    for (var d = li; d < hd; d += 64u) {
        qs[d] = q[qo + d];
    }
    workgroupBarrier();
    var m = NEG;
    var l = 0.0;
    var acc = vec4<f32>(0.0);
    for (var j0 = 0u; j0 < n_keys; j0 += 64u) {
        let j = j0 + li;
        var s = NEG;
        if (j < n_keys) {
            let ko = j * kv_stride + kvh * hd;
            var dotv = 0.0;
            for (var d = 0u; d < hd; d++) {
                dotv += qs[d] * k_cache[ko + d];
            }
            s = dotv * p.scale;
        }
        red[li] = s;
        workgroupBarrier();
        let m_new = max(m, reduce_max(li));
        let e = select(0.0, exp(s - m_new), j < n_keys);
        probs[li] = e;
        red[li] = e;
        workgroupBarrier();
        let sum = reduce_sum(li);
        let corr = exp(m - m_new);
        l = l * corr + sum;
        acc *= corr;
        let n = min(64u, n_keys - j0);
        for (var jj = 0u; jj < n; jj++) {
            let pj = probs[jj];
            let vo = (j0 + jj) * kv_stride + kvh * hd;
            for (var c = 0u; c < 4u; c++) {
                let d = li + 64u * c;
                if (d < hd) {
                    acc[c] += pj * v_cache[vo + d];
                }
            }
        }
        m = m_new;
        workgroupBarrier();
    }
    for (var c = 0u; c < 4u; c++) {
        let d = li + 64u * c;
        if (d < hd) {
            out[qo + d] = acc[c] / l;
        }
    }
}
