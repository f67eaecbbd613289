// GGUF Q8_0: blocks of 32 weights, each block 9 u32 here: the f16 scale widened to f32 (exact),
// then the 32 signed bytes as stored.
@group(0) @binding(1) var<storage, read> w: array<u32>;

struct W8 { a: vec4<f32>, b: vec4<f32> }

fn i8x4(x: u32) -> vec4<f32> {
    let v = bitcast<i32>(x);
    return vec4<f32>(
        f32(extractBits(v, 0u, 8u)),
        f32(extractBits(v, 8u, 8u)),
        f32(extractBits(v, 16u, 8u)),
        f32(extractBits(v, 24u, 8u)),
    );
}

fn load8(row: u32, k8: u32, cols: u32) -> W8 {
    let base = (row * (cols / 32u) + k8 / 4u) * 9u;
    let d = bitcast<f32>(w[base]);
    let q = base + 1u + (k8 % 4u) * 2u;
    return W8(i8x4(w[q]) * d, i8x4(w[q + 1u]) * d);
}
