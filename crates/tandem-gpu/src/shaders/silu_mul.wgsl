// SwiGLU: act = silu(gate) * up, elementwise over the step's rows, from the stacked gate/up
// product (a row = gate's `dim` values, then up's).
struct SiluParams {
    dim: u32,
    _pad0: u32,
    _pad1: u32,
    _pad2: u32,
}

@group(0) @binding(0) var<uniform> p: SiluParams;
@group(0) @binding(1) var<storage, read> gu: array<f32>;
@group(0) @binding(2) var<storage, read_write> act: array<f32>;
@group(0) @binding(3) var<uniform> step: Step;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
    let i = gid.x + gid.y * nw.x * 256u;
    if (i >= step.n_tokens * p.dim) {
        return;
    }
    let o = (i / p.dim) * 2u * p.dim + i % p.dim;
    act[i] = silu(gu[o]) * gu[o + p.dim];
}
