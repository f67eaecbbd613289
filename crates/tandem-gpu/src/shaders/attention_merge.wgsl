// Combines the splits of attention.wgsl (dispatched only when a step has more than one):
// workgroup (head h, token t) rescales each split's sum and values to the largest max and
// divides, the last step of the online softmax.
@group(0) @binding(0) var<uniform> p: AttnParams;
@group(0) @binding(1) var<storage, read> part: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<uniform> step: Step;

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let h = wg.x;
    let t = wg.y;
    let hd = p.head_dim;
    let n_splits = (step.pos0 + step.n_tokens + p.split - 1u) / p.split;
    // The splits token t sees (attention.wgsl writes nothing for the others).
    let seen = (step.pos0 + t + 1u + p.split - 1u) / p.split;
    let base = (t * p.n_heads + h) * n_splits;
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
