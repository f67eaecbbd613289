//! Matrix × vector kernels for decoding (one token: every weight is read once per token, so
//! decode speed is how fast these stream the weights). x86-64 with AVX2/FMA/F16C, chosen at run
//! time; AVX-VNNI used when present. Everything else falls back to candle's kernels.
//!
//! Quantized weights (Q8_0, Q4_0) are multiplied with the activation quantized to Q8_0 blocks,
//! exactly as ggml does, so results match llama.cpp up to float summation order.
//! Four weight rows are processed together so each activation block is loaded once per four
//! rows, and the `- 8` offset of Q4_0 is applied once per block from the activation's block sum.

/// Bytes per block of 32 weights.
pub(crate) const Q8_0_BLOCK: usize = 34;
pub(crate) const Q4_0_BLOCK: usize = 18;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QKind {
    Q8_0,
    Q4_0,
}

/// The activation quantized to Q8_0: per block of 32, a scale, 32 int8 and their sum.
pub(crate) struct QuantizedVec {
    pub(crate) d: Vec<f32>,
    pub(crate) qs: Vec<i8>,
    pub(crate) sums: Vec<i32>,
}

/// ggml's `quantize_row_q8_0`: d = max|x| / 127 stored as f16, q = round(x / d).
pub(crate) fn quantize_q8_0(x: &[f32]) -> QuantizedVec {
    let nb = x.len() / 32;
    let mut out = QuantizedVec {
        d: Vec::with_capacity(nb),
        qs: vec![0; nb * 32],
        sums: Vec::with_capacity(nb),
    };
    for (b, chunk) in x.chunks_exact(32).enumerate() {
        let amax = chunk.iter().fold(0f32, |m, v| m.max(v.abs()));
        let d = amax / 127.0;
        let id = if d != 0.0 { 1.0 / d } else { 0.0 };
        let mut sum = 0i32;
        for (q, &v) in out.qs[b * 32..(b + 1) * 32].iter_mut().zip(chunk) {
            *q = (v * id).round() as i8;
            sum += *q as i32;
        }
        out.d.push(half::f16::from_f32(d).to_f32());
        out.sums.push(sum);
    }
    out
}

#[derive(Clone, Copy)]
struct SyncPtr(*mut f32);
unsafe impl Send for SyncPtr {}
unsafe impl Sync for SyncPtr {}

/// Rows per work item handed to a thread.
const ROWS_PER_ITEM: usize = 16;

/// Runs `f(first_row, rows_out)` over disjoint chunks of `y` on candle's CPU thread pool.
fn par_rows(y: &mut [f32], f: impl Fn(usize, &mut [f32]) + Sync) {
    let n = y.len();
    let items = n.div_ceil(ROWS_PER_ITEM);
    let ptr = SyncPtr(y.as_mut_ptr());
    let run = |range: std::ops::Range<usize>| {
        let p = ptr;
        for item in range {
            let start = item * ROWS_PER_ITEM;
            let len = ROWS_PER_ITEM.min(n - start);
            // SAFETY: items are disjoint row ranges of `y`, each handed to exactly one worker,
            // and `y` outlives the pool call (execute_chunked returns after all items ran).
            let out = unsafe { std::slice::from_raw_parts_mut(p.0.add(start), len) };
            f(start, out);
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    candle_core::utils::barrier_pool().execute_chunked(items, run);
    #[cfg(target_arch = "wasm32")]
    run(0..items);
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use super::{QKind, QuantizedVec, Q4_0_BLOCK, Q8_0_BLOCK};

    #[derive(Clone, Copy, PartialEq, Eq)]
    pub(super) enum Level {
        Avx2,
        AvxVnni,
    }

    pub(super) fn level() -> Option<Level> {
        use std::sync::OnceLock;
        static L: OnceLock<Option<Level>> = OnceLock::new();
        *L.get_or_init(|| {
            let base = is_x86_feature_detected!("avx2")
                && is_x86_feature_detected!("fma")
                && is_x86_feature_detected!("f16c");
            match (base, is_x86_feature_detected!("avxvnni")) {
                (false, _) => None,
                (true, true) => Some(Level::AvxVnni),
                (true, false) => Some(Level::Avx2),
            }
        })
    }

    #[inline(always)]
    unsafe fn f16_at(p: *const u8) -> f32 {
        let bits = u16::from_le_bytes([*p, *p.add(1)]) as i32;
        _mm_cvtss_f32(_mm_cvtph_ps(_mm_cvtsi32_si128(bits)))
    }

    #[inline(always)]
    unsafe fn hsum(v: __m256) -> f32 {
        let s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
        let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
        let s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
        _mm_cvtss_f32(s)
    }

    /// Σ u8 × i8 over 32 lanes into 8 i32 lanes.
    #[inline(always)]
    unsafe fn dot_u8_i8<const VNNI: bool>(u: __m256i, s: __m256i) -> __m256i {
        if VNNI {
            _mm256_dpbusd_avx_epi32(_mm256_setzero_si256(), u, s)
        } else {
            _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1))
        }
    }

    /// 32 weights of a block as bytes: Q4_0 as unsigned 0..15 (offset applied later), Q8_0 as i8.
    #[inline(always)]
    unsafe fn load_q4(p: *const u8) -> __m256i {
        let raw = _mm_loadu_si128(p.add(2) as *const __m128i);
        let m = _mm_set1_epi8(0x0F);
        let lo = _mm_and_si128(raw, m);
        let hi = _mm_and_si128(_mm_srli_epi16(raw, 4), m);
        _mm256_set_m128i(hi, lo)
    }

    /// y[r] = row(first + r) · x for r < N. Everything the inner loop touches is a const
    /// generic so the N accumulators stay in registers.
    #[inline(always)]
    unsafe fn rows_n<const VNNI: bool, const Q4: bool, const N: usize>(
        w: *const u8,
        row_bytes: usize,
        x: &QuantizedVec,
        y: *mut f32,
    ) {
        let nb = x.d.len();
        let bs = if Q4 { Q4_0_BLOCK } else { Q8_0_BLOCK };
        let mut acc = [_mm256_setzero_ps(); N];
        // Q4_0's offset: Σ (q - 8) x = Σ q x - 8 Σ x, applied per block in float.
        let mut corr = [0f32; N];
        for b in 0..nb {
            let xq = _mm256_loadu_si256(x.qs.as_ptr().add(b * 32) as *const __m256i);
            let dx = *x.d.get_unchecked(b);
            let s8 = (8 * *x.sums.get_unchecked(b)) as f32 * dx;
            for r in 0..N {
                let p = w.add(r * row_bytes + b * bs);
                let dw = f16_at(p);
                let prod = if Q4 {
                    dot_u8_i8::<VNNI>(load_q4(p), xq)
                } else {
                    let wq = _mm256_loadu_si256(p.add(2) as *const __m256i);
                    // i8 × i8 as |w| (u8) × (x with w's sign)
                    dot_u8_i8::<VNNI>(_mm256_sign_epi8(wq, wq), _mm256_sign_epi8(xq, wq))
                };
                acc[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(prod), _mm256_set1_ps(dw * dx), acc[r]);
                if Q4 {
                    corr[r] += dw * s8;
                }
            }
        }
        for r in 0..N {
            *y.add(r) = hsum(acc[r]) - corr[r];
        }
    }

    #[inline(always)]
    unsafe fn rows_all<const VNNI: bool, const Q4: bool>(
        w: &[u8],
        row_bytes: usize,
        first: usize,
        x: &QuantizedVec,
        y: &mut [f32],
    ) {
        let base = w.as_ptr().add(first * row_bytes);
        let out = y.as_mut_ptr();
        let full = y.len() / 4 * 4;
        let mut r = 0;
        while r < full {
            rows_n::<VNNI, Q4, 4>(base.add(r * row_bytes), row_bytes, x, out.add(r));
            r += 4;
        }
        while r < y.len() {
            rows_n::<VNNI, Q4, 1>(base.add(r * row_bytes), row_bytes, x, out.add(r));
            r += 1;
        }
    }

    #[target_feature(enable = "avx2,fma,f16c")]
    unsafe fn rows_avx2<const Q4: bool>(
        w: &[u8],
        row_bytes: usize,
        first: usize,
        x: &QuantizedVec,
        y: &mut [f32],
    ) {
        rows_all::<false, Q4>(w, row_bytes, first, x, y)
    }

    #[target_feature(enable = "avx2,fma,f16c,avxvnni")]
    unsafe fn rows_vnni<const Q4: bool>(
        w: &[u8],
        row_bytes: usize,
        first: usize,
        x: &QuantizedVec,
        y: &mut [f32],
    ) {
        rows_all::<true, Q4>(w, row_bytes, first, x, y)
    }

    /// # Safety
    /// `w` holds every row of `y` from `first` on (`row_bytes` each, whole blocks of
    /// `x.d.len()`), and this CPU supports `level` (from [`level`]).
    pub(super) unsafe fn rows(
        level: Level,
        kind: QKind,
        w: &[u8],
        row_bytes: usize,
        first: usize,
        x: &QuantizedVec,
        y: &mut [f32],
    ) {
        unsafe {
            match (level, kind) {
                (Level::AvxVnni, QKind::Q4_0) => rows_vnni::<true>(w, row_bytes, first, x, y),
                (Level::AvxVnni, QKind::Q8_0) => rows_vnni::<false>(w, row_bytes, first, x, y),
                (Level::Avx2, QKind::Q4_0) => rows_avx2::<true>(w, row_bytes, first, x, y),
                (Level::Avx2, QKind::Q8_0) => rows_avx2::<false>(w, row_bytes, first, x, y),
            }
        }
    }
}

/// y = W x for a Q8_0/Q4_0 matrix W (rows × cols, ggml block layout). Returns false (and does
/// nothing) where no fast kernel exists; the caller then uses candle's matmul.
pub(crate) fn quantized(
    kind: QKind,
    w: &[u8],
    rows: usize,
    cols: usize,
    x: &[f32],
    y: &mut [f32],
) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let Some(level) = x86::level() else {
            return false;
        };
        let bs = match kind {
            QKind::Q8_0 => Q8_0_BLOCK,
            QKind::Q4_0 => Q4_0_BLOCK,
        };
        if !cols.is_multiple_of(32)
            || x.len() != cols
            || y.len() != rows
            || w.len() != rows * (cols / 32) * bs
        {
            return false;
        }
        let xq = quantize_q8_0(x);
        let row_bytes = cols / 32 * bs;
        // SAFETY: `w` holds rows × row_bytes bytes (checked above), each `out` is rows
        // first..first + out.len() of `y`, and `level` was detected on this CPU.
        par_rows(y, |first, out| unsafe {
            x86::rows(level, kind, w, row_bytes, first, &xq, out)
        });
        true
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (kind, w, rows, cols, x, y);
        false
    }
}

/// y = W x for an f32 matrix W (rows × cols, row-major).
pub(crate) fn dense(w: &[f32], rows: usize, cols: usize, x: &[f32], y: &mut [f32]) -> bool {
    if x.len() != cols || y.len() != rows || w.len() != rows * cols {
        return false;
    }
    par_rows(y, |first, out| {
        for (i, o) in out.iter_mut().enumerate() {
            let row = &w[(first + i) * cols..(first + i + 1) * cols];
            *o = dot_f32(row, x);
        }
    });
    true
}

/// a × b + c: fused where the target has FMA; on wasm32 (no FMA instruction) a multiply and an
/// add, which vectorize, instead of a software `fmaf` call.
#[inline(always)]
pub(crate) fn madd(a: f32, b: f32, c: f32) -> f32 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        a.mul_add(b, c)
    }
    #[cfg(target_arch = "wasm32")]
    {
        a * b + c
    }
}

/// Dot product with 16 independent lanes, which the compiler turns into SIMD FMAs (on wasm32,
/// which has no fused multiply-add, into SIMD128 multiplies and adds: `mul_add` would be a
/// software `fmaf` call per element there).
#[inline]
pub(crate) fn dot_f32(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 16];
    let (ca, cb) = (a.chunks_exact(16), b.chunks_exact(16));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for l in 0..16 {
            acc[l] = madd(x[l], y[l], acc[l]);
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
    use candle_core::{Device, Module, Tensor};

    /// candle's own quantized matmul: the reference for the kernels here and in `packed.rs`.
    pub(crate) fn candle_matmul(q: QTensor, x: Vec<f32>, m: usize) -> Vec<f32> {
        let cols = x.len() / m;
        let xt = Tensor::from_vec(x, (m, cols), &Device::Cpu).unwrap();
        let y = QMatMul::from_qtensor(q).unwrap().forward(&xt).unwrap();
        y.flatten_all().unwrap().to_vec1().unwrap()
    }

    /// A seeded random (rows, cols) matrix quantized to `dtype`, and an input of `m` rows.
    pub(crate) fn random_case(
        dtype: GgmlDType,
        rows: usize,
        cols: usize,
        m: usize,
        seed: u64,
    ) -> (QTensor, Vec<f32>) {
        let mut rng = crate::sampling::Rng::new(seed);
        let mut r = || rng.next_f64() as f32 * 2.0 - 1.0;
        let w: Vec<f32> = (0..rows * cols).map(|_| r()).collect();
        let x: Vec<f32> = (0..m * cols).map(|_| r() * 3.0).collect();
        let q = QTensor::quantize(
            &Tensor::from_vec(w, (rows, cols), &Device::Cpu).unwrap(),
            dtype,
        )
        .unwrap();
        (q, x)
    }

    pub(crate) fn assert_close(got: &[f32], want: &[f32]) {
        assert_eq!(got.len(), want.len());
        for (a, b) in got.iter().zip(want) {
            assert!(
                (a - b).abs() <= 1e-4 * b.abs().max(1.0),
                "{a} vs candle {b}"
            );
        }
    }

    fn check(dtype: GgmlDType, kind: QKind) {
        let (rows, cols) = (37, 256);
        let (q, x) = random_case(dtype, rows, cols, 1, 5);
        let data = q.data().unwrap().into_owned();
        let mut y = vec![0f32; rows];
        if !quantized(kind, &data, rows, cols, &x, &mut y) {
            assert!(
                !cfg!(target_arch = "x86_64") || x86::level().is_none(),
                "no kernel on x86-64 with AVX2"
            );
            return;
        }
        assert_close(&y, &candle_matmul(q, x, 1));
    }

    /// The plain-AVX2 kernels (CPUs without VNNI) against the VNNI ones, when this CPU has both.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx2_and_vnni_levels_agree() {
        if x86::level() != Some(x86::Level::AvxVnni) {
            return;
        }
        let (rows, cols) = (13, 128);
        let mut rng = crate::sampling::Rng::new(9);
        let mut r = || rng.next_f64() as f32 * 2.0 - 1.0;
        let w: Vec<f32> = (0..rows * cols).map(|_| r()).collect();
        let x = quantize_q8_0(&(0..cols).map(|_| r()).collect::<Vec<_>>());
        for (dtype, kind, bs) in [
            (GgmlDType::Q8_0, QKind::Q8_0, Q8_0_BLOCK),
            (GgmlDType::Q4_0, QKind::Q4_0, Q4_0_BLOCK),
        ] {
            let q = QTensor::quantize(
                &Tensor::from_vec(w.clone(), (rows, cols), &Device::Cpu).unwrap(),
                dtype,
            )
            .unwrap();
            let data = q.data().unwrap();
            let (mut a, mut b) = (vec![0f32; rows], vec![0f32; rows]);
            // SAFETY: `data` is the whole matrix and this CPU has AVX-VNNI (checked above).
            unsafe {
                x86::rows(x86::Level::Avx2, kind, &data, cols / 32 * bs, 0, &x, &mut a);
                x86::rows(
                    x86::Level::AvxVnni,
                    kind,
                    &data,
                    cols / 32 * bs,
                    0,
                    &x,
                    &mut b,
                );
            }
            assert_eq!(a, b, "{kind:?}");
        }
    }

    #[test]
    fn q8_0_matches_candle() {
        check(GgmlDType::Q8_0, QKind::Q8_0);
    }

    #[test]
    fn q4_0_matches_candle() {
        check(GgmlDType::Q4_0, QKind::Q4_0);
    }

    #[test]
    fn dense_matches_naive() {
        let (rows, cols) = (19, 70);
        let w: Vec<f32> = (0..rows * cols)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 50.0)
            .collect();
        let x: Vec<f32> = (0..cols).map(|i| (i as f32 * 0.3).sin()).collect();
        let mut y = vec![0f32; rows];
        assert!(dense(&w, rows, cols, &x, &mut y));
        for r in 0..rows {
            let want: f32 = (0..cols).map(|c| w[r * cols + c] * x[c]).sum();
            assert!((y[r] - want).abs() < 1e-4, "{} vs {want}", y[r]);
        }
    }
}
