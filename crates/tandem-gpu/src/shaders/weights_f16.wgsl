// f16 weights. Without `shader-f16`: two per u32 (low half first), unpacked with
// unpack2x16float. With it: read as f16 directly (the same bytes).
#if F16
@group(0) @binding(1) var<storage, read> w: array<vec4<f16>>;
#else
@group(0) @binding(1) var<storage, read> w: array<u32>;
#endif

struct W8 { a: vec4<f32>, b: vec4<f32> }

fn load8(row: u32, k8: u32, cols: u32) -> W8 {
#if F16
    let i = (row * cols) / 4u + k8 * 2u;
    return W8(vec4<f32>(w[i]), vec4<f32>(w[i + 1u]));
#else
    let i = (row * cols) / 2u + k8 * 4u;
    let a = vec4<f32>(unpack2x16float(w[i]), unpack2x16float(w[i + 1u]));
    let b = vec4<f32>(unpack2x16float(w[i + 2u]), unpack2x16float(w[i + 3u]));
    return W8(a, b);
#endif
}
