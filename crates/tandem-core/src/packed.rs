//! Q8_0/Q4_0 weights repacked at load for x86-64 VNNI (AVX-VNNI or AVX512-VNNI): groups of 8
//! rows interleaved so one 256-bit `dpbusd` multiplies 4 consecutive weights of each of 8 rows
//! with 4 broadcast activation bytes, leaving one row's partial dot product per lane. Each
//! block's 8 scales load as one f16x8 vector. The same kernel serves decode (1 token) and
//! prefill (tiles of 4 tokens share every unpacked weight block).
//!
//! Per group of 8 rows and block of 32 columns (`nb` blocks per row):
//!   Q4_0: 8 × f16 scales (16 B) | 4 × 32 B nibbles: vector j, lane i = row i's bytes 4j..4j+4
//!         (low nibbles = columns 4j.., high nibbles = columns 16+4j..)            = 144 B
//!   Q8_0: 8 × f16 scales (16 B) | 8 × i16 sums of the row's block (16 B) |
//!         8 × 32 B: vector j, lane i = row i's int8 4j..4j+4                      = 288 B
//! The activation is quantized to Q8_0 like ggml does; Q8_0 feeds `dpbusd` x + 128 as unsigned
//! and subtracts 128 Σw per row, Q4_0 subtracts 8 Σx: both exact in integers.

use crate::matvec::{quantize_q8_0, QKind, Q4_0_BLOCK, Q8_0_BLOCK};

const Q4_GROUP: usize = 16 + 128;
const Q8_GROUP: usize = 16 + 16 + 256;

pub struct PackedMatrix {
    kind: QKind,
    rows: usize,
    cols: usize,
    data: Vec<u8>,
}

#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // the SIMD kernels are x86-64 only
#[derive(Clone, Copy, PartialEq, Eq)]
enum Vnni {
    Avx,
    Avx512,
}

fn vnni() -> Option<Vnni> {
    #[cfg(target_arch = "x86_64")]
    {
        use std::sync::OnceLock;
        static V: OnceLock<Option<Vnni>> = OnceLock::new();
        *V.get_or_init(|| {
            let base = is_x86_feature_detected!("avx2")
                && is_x86_feature_detected!("fma")
                && is_x86_feature_detected!("f16c");
            if !base {
                None
            } else if is_x86_feature_detected!("avxvnni") {
                Some(Vnni::Avx)
            } else if is_x86_feature_detected!("avx512vnni") && is_x86_feature_detected!("avx512vl")
            {
                Some(Vnni::Avx512)
            } else {
                None
            }
        })
    }
    #[cfg(not(target_arch = "x86_64"))]
    None
}

impl PackedMatrix {
    /// Repacks ggml Q8_0/Q4_0 data of a (rows, cols) matrix; None where this CPU or shape has no
    /// packed kernel (then candle's kernels are used).
    pub(crate) fn pack(kind: QKind, src: &[u8], rows: usize, cols: usize) -> Option<Self> {
        vnni()?;
        let bs = match kind {
            QKind::Q8_0 => Q8_0_BLOCK,
            QKind::Q4_0 => Q4_0_BLOCK,
        };
        if rows == 0
            || !rows.is_multiple_of(8)
            || cols == 0
            || !cols.is_multiple_of(32)
            || src.len() != rows * cols / 32 * bs
        {
            return None;
        }
        let nb = cols / 32;
        let gsz = match kind {
            QKind::Q8_0 => Q8_GROUP,
            QKind::Q4_0 => Q4_GROUP,
        };
        let mut data = vec![0u8; rows / 8 * nb * gsz];
        for g in 0..rows / 8 {
            for b in 0..nb {
                let dst = &mut data[(g * nb + b) * gsz..(g * nb + b + 1) * gsz];
                for i in 0..8 {
                    let blk = &src[((g * 8 + i) * nb + b) * bs..((g * 8 + i) * nb + b + 1) * bs];
                    dst[2 * i..2 * i + 2].copy_from_slice(&blk[..2]);
                    let qs = &blk[2..];
                    match kind {
                        QKind::Q4_0 => {
                            for j in 0..4 {
                                dst[16 + j * 32 + i * 4..16 + j * 32 + i * 4 + 4]
                                    .copy_from_slice(&qs[4 * j..4 * j + 4]);
                            }
                        }
                        QKind::Q8_0 => {
                            let sum: i32 = qs.iter().map(|&q| q as i8 as i32).sum();
                            dst[16 + 2 * i..16 + 2 * i + 2]
                                .copy_from_slice(&(sum as i16).to_le_bytes());
                            for j in 0..8 {
                                dst[32 + j * 32 + i * 4..32 + j * 32 + i * 4 + 4]
                                    .copy_from_slice(&qs[4 * j..4 * j + 4]);
                            }
                        }
                    }
                }
            }
        }
        Some(Self {
            kind,
            rows,
            cols,
            data,
        })
    }

    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    pub(crate) fn cols(&self) -> usize {
        self.cols
    }

    /// Row `r` dequantized (exactly as ggml dequantizes the original block), so a tied embedding
    /// can look its rows up here instead of keeping a second copy of the table.
    pub(crate) fn row(&self, r: usize) -> Option<Vec<f32>> {
        if r >= self.rows {
            return None;
        }
        let nb = self.cols / 32;
        let (g, i) = (r / 8, r % 8);
        let gsz = match self.kind {
            QKind::Q8_0 => Q8_GROUP,
            QKind::Q4_0 => Q4_GROUP,
        };
        let mut out = vec![0f32; self.cols];
        for b in 0..nb {
            let blk = &self.data[(g * nb + b) * gsz..(g * nb + b + 1) * gsz];
            let d = half::f16::from_le_bytes([blk[2 * i], blk[2 * i + 1]]).to_f32();
            let o = &mut out[b * 32..(b + 1) * 32];
            for j in 0..4 * (1 + usize::from(self.kind == QKind::Q8_0)) {
                for k in 0..4 {
                    match self.kind {
                        QKind::Q4_0 => {
                            let q = blk[16 + j * 32 + i * 4 + k];
                            o[4 * j + k] = ((q & 0x0F) as i32 - 8) as f32 * d;
                            o[16 + 4 * j + k] = ((q >> 4) as i32 - 8) as f32 * d;
                        }
                        QKind::Q8_0 => {
                            o[4 * j + k] = blk[32 + j * 32 + i * 4 + k] as i8 as f32 * d;
                        }
                    }
                }
            }
        }
        Some(out)
    }

    /// y (m × rows) = x (m × cols) · Wᵀ.
    pub(crate) fn matmul(&self, x: &[f32], m: usize, y: &mut [f32]) -> crate::Result<()> {
        if x.len() != m * self.cols || y.len() != m * self.rows {
            return Err(crate::Error::TensorShape {
                name: "input of a packed matmul".into(),
                expected: vec![m, self.cols],
                actual: vec![x.len() / self.cols.max(1), x.len() % self.cols.max(1)],
            });
        }
        let xs: Vec<Act> = x
            .chunks_exact(self.cols)
            .map(|r| Act::new(r, self.kind))
            .collect();
        let groups = self.rows / 8;
        let ptr = SyncPtr(y.as_mut_ptr());
        let run = |range: std::ops::Range<usize>| {
            let p = ptr;
            for g in range {
                #[cfg(target_arch = "x86_64")]
                // SAFETY: `pack` succeeded, so the CPU has the VNNI level and `data` holds every
                // group; each group writes only its own 8 columns of each output row.
                unsafe {
                    x86::group(self, g, &xs, p.0)
                };
                #[cfg(not(target_arch = "x86_64"))]
                let _ = (g, p, &xs);
            }
        };
        #[cfg(not(target_arch = "wasm32"))]
        candle_core::utils::barrier_pool().execute_chunked(groups, run);
        #[cfg(target_arch = "wasm32")]
        run(0..groups);
        Ok(())
    }
}

#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // the SIMD kernels are x86-64 only
#[derive(Clone, Copy)]
struct SyncPtr(*mut f32);
unsafe impl Send for SyncPtr {}
unsafe impl Sync for SyncPtr {}

/// One activation row as Q8_0: scales, int8 (or int8 + 128 for Q8_0 weights) and the terms
/// that undo the offsets.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // the SIMD kernels are x86-64 only
struct Act {
    d: Vec<f32>,
    qs: Vec<u8>,
    /// Q4_0: 8 Σx per block.
    sum8: Vec<i32>,
}

impl Act {
    fn new(x: &[f32], kind: QKind) -> Self {
        let q = quantize_q8_0(x);
        let qs = match kind {
            QKind::Q4_0 => q.qs.iter().map(|&v| v as u8).collect(),
            QKind::Q8_0 => q.qs.iter().map(|&v| (v as u8) ^ 0x80).collect(),
        };
        Self {
            d: q.d,
            qs,
            sum8: q.sums.iter().map(|s| 8 * s).collect(),
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use super::{Act, PackedMatrix, Vnni, Q4_GROUP, Q8_GROUP};
    use crate::matvec::QKind;

    #[inline(always)]
    unsafe fn dp<const V512: bool>(acc: __m256i, u: __m256i, s: __m256i) -> __m256i {
        if V512 {
            _mm256_dpbusd_epi32(acc, u, s)
        } else {
            _mm256_dpbusd_avx_epi32(acc, u, s)
        }
    }

    #[inline(always)]
    unsafe fn bcast(p: *const u8) -> __m256i {
        _mm256_set1_epi32((p as *const i32).read_unaligned())
    }

    /// Rows 8g..8g+8 for tokens t0..t0+NT.
    #[inline(always)]
    #[allow(clippy::needless_range_loop)] // indexed loops over const-size arrays unroll into registers
    unsafe fn tile<const V512: bool, const Q4: bool, const NT: usize>(
        m: &PackedMatrix,
        g: usize,
        xs: &[Act],
        t0: usize,
        y: *mut f32,
    ) {
        let nb = m.cols / 32;
        let gsz = if Q4 { Q4_GROUP } else { Q8_GROUP };
        let base = m.data.as_ptr().add(g * nb * gsz);
        let mut acc = [_mm256_setzero_ps(); NT];
        for b in 0..nb {
            let blk = base.add(b * gsz);
            let dw = _mm256_cvtph_ps(_mm_loadu_si128(blk as *const __m128i));
            if Q4 {
                let mask = _mm256_set1_epi8(0x0F);
                let mut lo = [_mm256_setzero_si256(); 4];
                let mut hi = [_mm256_setzero_si256(); 4];
                for j in 0..4 {
                    let v = _mm256_loadu_si256(blk.add(16 + 32 * j) as *const __m256i);
                    lo[j] = _mm256_and_si256(v, mask);
                    hi[j] = _mm256_and_si256(_mm256_srli_epi16(v, 4), mask);
                }
                for t in 0..NT {
                    let x = xs.get_unchecked(t0 + t);
                    let xq = x.qs.as_ptr().add(b * 32);
                    let mut p = _mm256_setzero_si256();
                    for j in 0..4 {
                        p = dp::<V512>(p, lo[j], bcast(xq.add(4 * j)));
                        p = dp::<V512>(p, hi[j], bcast(xq.add(16 + 4 * j)));
                    }
                    p = _mm256_sub_epi32(p, _mm256_set1_epi32(*x.sum8.get_unchecked(b)));
                    let scale = _mm256_mul_ps(dw, _mm256_set1_ps(*x.d.get_unchecked(b)));
                    acc[t] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p), scale, acc[t]);
                }
            } else {
                let wsum = _mm256_slli_epi32(
                    _mm256_cvtepi16_epi32(_mm_loadu_si128(blk.add(16) as *const __m128i)),
                    7,
                );
                let mut w = [_mm256_setzero_si256(); 8];
                for (j, wj) in w.iter_mut().enumerate() {
                    *wj = _mm256_loadu_si256(blk.add(32 + 32 * j) as *const __m256i);
                }
                for t in 0..NT {
                    let x = xs.get_unchecked(t0 + t);
                    let xq = x.qs.as_ptr().add(b * 32);
                    let mut p = _mm256_setzero_si256();
                    for (j, wj) in w.iter().enumerate() {
                        p = dp::<V512>(p, bcast(xq.add(4 * j)), *wj);
                    }
                    p = _mm256_sub_epi32(p, wsum);
                    let scale = _mm256_mul_ps(dw, _mm256_set1_ps(*x.d.get_unchecked(b)));
                    acc[t] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p), scale, acc[t]);
                }
            }
        }
        for (t, a) in acc.iter().enumerate() {
            _mm256_storeu_ps(y.add((t0 + t) * m.rows + g * 8), *a);
        }
    }

    #[inline(always)]
    unsafe fn all_tokens<const V512: bool, const Q4: bool>(
        m: &PackedMatrix,
        g: usize,
        xs: &[Act],
        y: *mut f32,
    ) {
        let n = xs.len();
        let mut t = 0;
        while t + 4 <= n {
            tile::<V512, Q4, 4>(m, g, xs, t, y);
            t += 4;
        }
        match n - t {
            3 => tile::<V512, Q4, 3>(m, g, xs, t, y),
            2 => tile::<V512, Q4, 2>(m, g, xs, t, y),
            1 => tile::<V512, Q4, 1>(m, g, xs, t, y),
            _ => {}
        }
    }

    #[target_feature(enable = "avx2,fma,f16c,avxvnni")]
    unsafe fn group_avx<const Q4: bool>(m: &PackedMatrix, g: usize, xs: &[Act], y: *mut f32) {
        all_tokens::<false, Q4>(m, g, xs, y)
    }

    #[target_feature(enable = "avx2,fma,f16c,avx512f,avx512vl,avx512vnni")]
    unsafe fn group_avx512<const Q4: bool>(m: &PackedMatrix, g: usize, xs: &[Act], y: *mut f32) {
        all_tokens::<true, Q4>(m, g, xs, y)
    }

    /// # Safety
    /// The CPU supports the detected VNNI level, `g` < rows / 8, and `y` has xs.len() × rows floats.
    pub(super) unsafe fn group(m: &PackedMatrix, g: usize, xs: &[Act], y: *mut f32) {
        match (super::vnni(), m.kind) {
            (Some(Vnni::Avx), QKind::Q4_0) => group_avx::<true>(m, g, xs, y),
            (Some(Vnni::Avx), QKind::Q8_0) => group_avx::<false>(m, g, xs, y),
            (Some(Vnni::Avx512), QKind::Q4_0) => group_avx512::<true>(m, g, xs, y),
            (Some(Vnni::Avx512), QKind::Q8_0) => group_avx512::<false>(m, g, xs, y),
            (None, _) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matvec::tests::{assert_close, candle_matmul, random_case};
    use candle_core::quantized::GgmlDType;

    fn check(dtype: GgmlDType, kind: QKind, m: usize) {
        let (rows, cols) = (40, 320);
        let (q, x) = random_case(dtype, rows, cols, m, 11);
        let Some(p) = PackedMatrix::pack(kind, &q.data().unwrap(), rows, cols) else {
            assert!(vnni().is_none(), "pack refused a valid matrix");
            return;
        };
        let mut y = vec![0f32; m * rows];
        p.matmul(&x, m, &mut y).unwrap();
        assert_close(&y, &candle_matmul(q, x, m));
    }

    #[test]
    fn packed_q4_0_matches_candle() {
        for m in [1, 2, 3, 4, 5, 9] {
            check(GgmlDType::Q4_0, QKind::Q4_0, m);
        }
    }

    #[test]
    fn packed_q8_0_matches_candle() {
        for m in [1, 4, 7] {
            check(GgmlDType::Q8_0, QKind::Q8_0, m);
        }
    }

    #[test]
    fn rows_dequantize_like_ggml() {
        for (dtype, kind) in [
            (GgmlDType::Q4_0, QKind::Q4_0),
            (GgmlDType::Q8_0, QKind::Q8_0),
        ] {
            let (q, _) = random_case(dtype, 24, 96, 1, 3);
            let Some(p) = PackedMatrix::pack(kind, &q.data().unwrap(), 24, 96) else {
                return;
            };
            let want: Vec<Vec<f32>> = q
                .dequantize(&candle_core::Device::Cpu)
                .unwrap()
                .to_vec2()
                .unwrap();
            for (r, w) in want.iter().enumerate() {
                assert_eq!(&p.row(r).unwrap(), w, "{kind:?} row {r}");
            }
            assert!(p.row(24).is_none());
        }
    }

    #[test]
    fn refuses_what_it_cannot_pack() {
        assert!(PackedMatrix::pack(QKind::Q4_0, &[0u8; 18 * 7], 7, 32).is_none());
        assert!(PackedMatrix::pack(QKind::Q4_0, &[0u8; 10], 8, 32).is_none());
    }
}
