// Embedding gather: out[t] = E[ids[t]] for this part's rows [row_start, row_start + rows).
struct EmbedParams {
    cols: u32,
    row_start: u32,
    rows: u32,
    _pad: u32,
}

@group(0) @binding(0) var<uniform> p: EmbedParams;
// binding 1: the weights `w`, declared by the format's weights_*.wgsl.
@group(0) @binding(2) var<storage, read> ids: array<u32>;
@group(0) @binding(3) var<storage, read_write> out: array<vec4<f32>>;
@group(0) @binding(4) var<uniform> step: Step;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let k8 = gid.x;
    let t = gid.y;
    if (k8 >= p.cols / 8u || t >= step.n_tokens) {
        return;
    }
    let id = ids[t];
    if (id < p.row_start || id >= p.row_start + p.rows) {
        return;
    }
    let v = load8(id - p.row_start, k8, p.cols);
    let o = (t * p.cols) / 4u + k8 * 2u;
    out[o] = v.a;
    out[o + 1u] = v.b;
}
