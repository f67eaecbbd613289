// GGUF Q4_0: blocks of 32 weights, each block 5 u32 here: the f16 scale widened to f32 (exact),
// then the 16 bytes as stored (weight j in the low nibble of byte j, weight j+16 in the high).
@group(0) @binding(1) var<storage, read> w: array<u32>;

struct W8 { a: vec4<f32>, b: vec4<f32> }

fn nib4(x: u32, shift: u32) -> vec4<f32> {
    let y = x >> shift;
    return vec4<f32>(
        f32(y & 15u),
        f32((y >> 8u) & 15u),
        f32((y >> 16u) & 15u),
        f32((y >> 24u) & 15u),
    ) - vec4<f32>(8.0);
}

fn load8(row: u32, k8: u32, cols: u32) -> W8 {
    let base = (row * (cols / 32u) + k8 / 4u) * 5u;
    let d = bitcast<f32>(w[base]);
    let sub = k8 % 4u;
    let q = base + 1u + (sub % 2u) * 2u;
    let shift = select(0u, 4u, sub >= 2u);
    return W8(nib4(w[q], shift) * d, nib4(w[q + 1u], shift) * d);
}
