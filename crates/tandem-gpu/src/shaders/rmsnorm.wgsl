// RMSNorm, one workgroup per row (grid y): out = x / sqrt(mean(x²) + eps) * weight.
struct NormParams {
    dim: u32,
    eps: f32,
    // 1: normalise only the step's last row (into output row 0).
    last_only: u32,
    _pad: u32,
}

@group(0) @binding(0) var<uniform> p: NormParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> weight: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<uniform> step: Step;

var<workgroup> red: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wg: vec3<u32>) {
    let row_out = wg.y;
    let row_in = select(wg.y, step.n_tokens - 1u, p.last_only == 1u);
    let xi = row_in * p.dim;
    var s = 0.0;
    for (var i = li; i < p.dim; i += 256u) {
        let v = x[xi + i];
        s += v * v;
    }
    red[li] = s;
    workgroupBarrier();
    for (var k = 128u; k > 0u; k >>= 1u) {
        if (li < k) {
            red[li] += red[li + k];
        }
        workgroupBarrier();
    }
    let inv = inverseSqrt(red[0] / f32(p.dim) + p.eps);
    for (var i = li; i < p.dim; i += 256u) {
        out[row_out * p.dim + i] = x[xi + i] * inv * weight[i];
    }
}
