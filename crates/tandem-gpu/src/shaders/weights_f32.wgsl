// f32 weights: `w` holds each row's `cols` floats as u32 bits.
@group(0) @binding(1) var<storage, read> w: array<u32>;

struct W8 { a: vec4<f32>, b: vec4<f32> }

fn load8(row: u32, k8: u32, cols: u32) -> W8 {
    let i = row * cols + k8 * 8u;
    let a = bitcast<vec4<f32>>(vec4<u32>(w[i], w[i + 1u], w[i + 2u], w[i + 3u]));
    let b = bitcast<vec4<f32>>(vec4<u32>(w[i + 4u], w[i + 5u], w[i + 6u], w[i + 7u]));
    return W8(a, b);
}
