// Combines the splits of attention.wgsl / attention_decode.wgsl (dispatched only when a step
// has more than one): workgroup (head h, token t) rescales each split's sum and values to the
// largest max and divides, the last step of the online softmax.
@group(0) @binding(0) var<uniform> p: AttnParams;
@group(0) @binding(1) var<storage, read> part: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<uniform> step: Step;

// Token t's splits in `part`: the step's count, those t sees (attention.wgsl writes nothing for
// the others) and where head h's first one is.
struct Splits {
    n: u32,
    seen: u32,
    base: u32,
}

fn splits(t: u32, h: u32) -> Splits {
    let n = (step.pos0 + step.n_tokens + p.split - 1u) / p.split;
    let seen = (step.pos0 + t + 1u + p.split - 1u) / p.split;
    return Splits(n, seen, (t * p.n_heads + h) * n);
}

#if ROWWISE
// CPU adapters: each invocation walks every split for its dims, no barrier (a context switch
// there).
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let h = wg.x;
    let t = wg.y;
    let hd = p.head_dim;
    let sp = splits(t, h);
    let seen = sp.seen;
    let base = sp.base;
    var mx = -3.0e38;
    for (var s = 0u; s < seen; s++) {
        mx = max(mx, part[(base + s) * (hd + 2u)]);
    }
    var l = 0.0;
    var acc = vec4<f32>(0.0);
    for (var s = 0u; s < seen; s++) {
        let o = (base + s) * (hd + 2u);
        let w = exp(part[o] - mx);
        l += w * part[o + 1u];
        for (var c = 0u; c < 4u; c++) {
            let d = li + 64u * c;
            if (d < hd) {
                acc[c] += w * part[o + 2u + d];
            }
        }
    }
    let oo = t * p.out_stride + h * hd;
    for (var c = 0u; c < 4u; c++) {
        let d = li + 64u * c;
        if (d < hd) {
            out[oo + d] = acc[c] / l;
        }
    }
}
#else
// GPUs: 128 threads share the splits, so a thread's chain of loads stays short at a long
// context (decode over 4096 keys has 64 splits of 64): the max and the sum as tree reductions
// over the splits, then (dim, group of splits) per thread, the groups summed in workgroup
// memory.
const THREADS: u32 = 128u;
var<workgroup> red: array<f32, 128>;
var<workgroup> vals: array<f32, 128>;

fn tree(li: u32, v: f32, is_max: bool) -> f32 {
    red[li] = v;
    workgroupBarrier();
    for (var w = THREADS / 2u; w > 0u; w >>= 1u) {
        if (li < w) {
            red[li] = select(red[li] + red[li + w], max(red[li], red[li + w]), is_max);
        }
        workgroupBarrier();
    }
    let r = red[0];
    workgroupBarrier();
    return r;
}

@compute @workgroup_size(128)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let h = wg.x;
    let t = wg.y;
    let hd = p.head_dim;
    let sp = splits(t, h);
    let seen = sp.seen;
    let base = sp.base;
    var mx = -3.0e38;
    for (var s = li; s < seen; s += THREADS) {
        mx = max(mx, part[(base + s) * (hd + 2u)]);
    }
    mx = tree(li, mx, true);
    var l = 0.0;
    for (var s = li; s < seen; s += THREADS) {
        let o = (base + s) * (hd + 2u);
        l += exp(part[o] - mx) * part[o + 1u];
    }
    l = tree(li, l, false);
    // head_dim ≤ 256: dims in blocks of dw ≤ THREADS, each dim summed by `groups` threads.
    let dw = min(hd, THREADS);
    let groups = THREADS / dw;
    let oo = t * p.out_stride + h * hd;
    for (var d0 = 0u; d0 < hd; d0 += dw) {
        let d = d0 + li % dw;
        let g = li / dw;
        var acc = 0.0;
        if (g < groups && d < hd) {
            for (var s = g; s < seen; s += groups) {
                let o = (base + s) * (hd + 2u);
                acc += exp(part[o] - mx) * part[o + 2u + d];
            }
        }
        vals[li] = acc;
        workgroupBarrier();
        if (li < dw && d0 + li < hd) {
            var sum = 0.0;
            for (var gg = 0u; gg < groups; gg++) {
                sum += vals[gg * dw + li];
            }
            out[oo + d0 + li] = sum / l;
        }
        workgroupBarrier();
    }
}
#endif
