// Greedy pick over one row of logits, on the device, in two passes: here, each of the
// workgroups takes a contiguous slice of the vocabulary and writes its arg-max (lowest index on
// ties, as the CPU sampler), and the sum of exp(l - max) and of exp(l - max)·(l - max) over the
// slice; argmax_merge.wgsl combines the slices into [id, logprob bits, entropy bits, 0] — the
// 16 bytes greedy decode reads back. Split so that a large vocabulary is read by many
// workgroups at once, not one.
struct ArgmaxParams {
    n: u32,
    // Vocabulary entries per workgroup.
    chunk: u32,
    _pad0: u32,
    _pad1: u32,
}

@group(0) @binding(0) var<uniform> p: ArgmaxParams;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
// Per workgroup: max, index (bits), sum of exp, sum of exp · (l - max).
@group(0) @binding(2) var<storage, read_write> part: array<vec4<f32>>;

var<workgroup> best: array<f32, 256>;
var<workgroup> best_i: array<u32, 256>;
var<workgroup> s0: array<f32, 256>;
var<workgroup> s1: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let start = wg.x * p.chunk;
    let end = min(start + p.chunk, p.n);
    var bv = -3.0e38;
    var bi = 0xffffffffu;
    for (var i = start + li; i < end; i += 256u) {
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
    for (var i = start + li; i < end; i += 256u) {
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
        part[wg.x] = vec4<f32>(mx, bitcast<f32>(best_i[0]), s0[0], s1[0]);
    }
}
