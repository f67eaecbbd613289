// The greedy pick from argmax.wgsl's slices: the largest max (lowest index on ties), and the
// slices' sums rescaled to it: Z = Σ a·e^(m - M), Σ p·(l - M) = Σ e^(m - M)·(b + a·(m - M)) / Z.
// Output: [id, logprob = -ln Z bits, entropy = ln Z - Σ p·(l - M) bits, 0].
struct ArgmaxParams {
    n: u32,
    chunk: u32,
    _pad0: u32,
    _pad1: u32,
}

@group(0) @binding(0) var<uniform> p: ArgmaxParams;
@group(0) @binding(1) var<storage, read> part: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> result: array<u32>;

@compute @workgroup_size(1)
fn main() {
    let groups = (p.n + p.chunk - 1u) / p.chunk;
    var mx = -3.0e38;
    var id = 0xffffffffu;
    for (var g = 0u; g < groups; g++) {
        let v = part[g];
        let i = bitcast<u32>(v.y);
        if (v.x > mx || (v.x == mx && i < id)) {
            mx = v.x;
            id = i;
        }
    }
    var z = 0.0;
    var zl = 0.0;
    for (var g = 0u; g < groups; g++) {
        let v = part[g];
        let w = exp(v.x - mx);
        z += v.z * w;
        zl += w * (v.w + v.z * (v.x - mx));
    }
    let lse = log(z);
    result[0] = id;
    result[1] = bitcast<u32>(-lse);
    result[2] = bitcast<u32>(lse - zl / z);
    result[3] = 0u;
}
