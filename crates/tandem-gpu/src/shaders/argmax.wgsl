// Greedy pick over one row of logits, on the device: the arg-max (lowest index on ties, as the
// CPU sampler), its log-probability and the entropy of the softmax. Output: [id, logprob bits,
// entropy bits, 0] — greedy decode reads back these 16 bytes (or the first 4), not the
// vocabulary.
struct ArgmaxParams {
    n: u32,
    _pad0: u32,
    _pad1: u32,
    _pad2: u32,
}

@group(0) @binding(0) var<uniform> p: ArgmaxParams;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<u32>;

var<workgroup> best: array<f32, 256>;
var<workgroup> best_i: array<u32, 256>;
var<workgroup> s0: array<f32, 256>;
var<workgroup> s1: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32) {
    var bv = -3.0e38;
    var bi = 0xffffffffu;
    for (var i = li; i < p.n; i += 256u) {
        let v = logits[i];
        if (v > bv) {
            bv = v;
            bi = i;
        }
    }
    best[li] = bv;
    best_i[li] = bi;
    workgroupBarrier();
    for (var s = 128u; s > 0u; s >>= 1u) {
        if (li < s) {
            let ov = best[li + s];
            let oi = best_i[li + s];
            if (ov > best[li] || (ov == best[li] && oi < best_i[li])) {
                best[li] = ov;
                best_i[li] = oi;
            }
        }
        workgroupBarrier();
    }
    let mx = best[0];
    var a = 0.0;
    var b = 0.0;
    for (var i = li; i < p.n; i += 256u) {
        let z = logits[i] - mx;
        let e = exp(z);
        a += e;
        b += e * z;
    }
    s0[li] = a;
    s1[li] = b;
    workgroupBarrier();
    for (var s = 128u; s > 0u; s >>= 1u) {
        if (li < s) {
            s0[li] += s0[li + s];
            s1[li] += s1[li + s];
        }
        workgroupBarrier();
    }
    if (li == 0u) {
        let lse = log(s0[0]);
        result[0] = best_i[0];
        result[1] = bitcast<u32>(-lse);
        result[2] = bitcast<u32>(lse - s1[0] / s0[0]);
        result[3] = 0u;
    }
}
