//! The check that a tensor as stored holds no NaN or infinity, run by both file readers
//! (safetensors, GGUF) before a weight reaches any engine.
use candle_core::quantized::GgmlDType;

use crate::{Error, Result};

/// Rejects a tensor whose stored bytes hold a NaN or an infinity: one such weight turns every
/// logit into NaN with no other error. Every weight read (safetensors `tensor_bytes`, GGUF
/// `tensor`) passes through here once, so the CPU model and the GPU engine both get it. Only
/// bit patterns are tested (an all-ones exponent), no float conversion: f32, f16 and bf16
/// elements, and the f16 scale at the start of each Q8_0 (34-byte) and Q4_0 (18-byte) block,
/// whose other bytes are small integers that cannot be non-finite. Other dtypes pass.
pub(crate) fn check_finite(name: &str, dtype: GgmlDType, bytes: &[u8]) -> Result<()> {
    let bad = match dtype {
        GgmlDType::F32 => any_all_ones_u32(bytes, 0x7F80_0000),
        GgmlDType::F16 => any_all_ones_u16(bytes, 2, 0x7C00),
        GgmlDType::BF16 => any_all_ones_u16(bytes, 2, 0x7F80),
        GgmlDType::Q8_0 => any_all_ones_u16(bytes, 34, 0x7C00),
        GgmlDType::Q4_0 => any_all_ones_u16(bytes, 18, 0x7C00),
        _ => false,
    };
    if bad {
        return Err(Error::NonFiniteWeight {
            name: name.to_string(),
        });
    }
    Ok(())
}

/// Work per step of the scans below: short-circuits between pieces, branch-free inside one.
const SCAN_PIECE: usize = 4096;

/// Whether the little-endian u16 at the start of any `stride`-byte chunk has every `mask` bit set.
fn any_all_ones_u16(bytes: &[u8], stride: usize, mask: u16) -> bool {
    bytes.chunks(SCAN_PIECE * stride).any(|piece| {
        piece.chunks_exact(stride).fold(false, |acc, c| {
            acc | (u16::from_le_bytes([c[0], c[1]]) & mask == mask)
        })
    })
}

/// Whether any little-endian u32 has every `mask` bit set.
fn any_all_ones_u32(bytes: &[u8], mask: u32) -> bool {
    bytes.chunks(SCAN_PIECE * 4).any(|piece| {
        piece.chunks_exact(4).fold(false, |acc, c| {
            acc | (u32::from_le_bytes([c[0], c[1], c[2], c[3]]) & mask == mask)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f32s(v: &[f32]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    fn u16s(v: &[u16]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    /// `n` blocks of `size` bytes: the given f16 scale bits, then bytes of 0xFF (which would
    /// read as NaN if the scan looked at them as floats).
    fn blocks(scales: &[u16], size: usize) -> Vec<u8> {
        scales
            .iter()
            .flat_map(|s| {
                let mut b = s.to_le_bytes().to_vec();
                b.resize(size, 0xFF);
                b
            })
            .collect()
    }

    #[test]
    fn finite_values_pass_and_every_non_finite_one_is_caught() {
        let ok = |d, b: &[u8]| check_finite("t", d, b).is_ok();
        let finite = [
            0.0,
            -0.0,
            1.0,
            -3.5,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            1e-45,
        ];
        assert!(ok(GgmlDType::F32, &f32s(&finite)));
        for bad in [f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            // at the end of a long tensor, past the first scan piece
            let mut v = vec![0.5f32; 3 * SCAN_PIECE + 7];
            v.push(bad);
            assert!(!ok(GgmlDType::F32, &f32s(&v)), "{bad}");
        }
        // f16: 0x7BFF is the largest finite value, 0x03FF a subnormal
        assert!(ok(
            GgmlDType::F16,
            &u16s(&[0, 0x8000, 0x7BFF, 0xFBFF, 0x03FF, 0x3C00])
        ));
        for bad in [0x7C00, 0xFC00, 0x7E00, 0x7C01, 0xFFFF] {
            assert!(!ok(GgmlDType::F16, &u16s(&[0x3C00, bad])), "{bad:#x}");
        }
        // bf16: 0x7F7F is the largest finite value
        assert!(ok(
            GgmlDType::BF16,
            &u16s(&[0, 0x7F7F, 0xFF7F, 0x3F80, 0x7C00])
        ));
        for bad in [0x7F80, 0xFF80, 0x7FC0, 0x7F81] {
            assert!(!ok(GgmlDType::BF16, &u16s(&[0x3F80, bad])), "{bad:#x}");
        }
        // block formats: only the scale counts
        for (d, size) in [(GgmlDType::Q8_0, 34), (GgmlDType::Q4_0, 18)] {
            assert!(ok(d, &blocks(&[0x3C00, 0x7BFF, 0], size)));
            assert!(!ok(d, &blocks(&[0x3C00, 0x7C00], size)));
            assert!(!ok(d, &blocks(&[0x7E00, 0x3C00], size)));
        }
        match check_finite("blk.0.attn_q.weight", GgmlDType::F32, &f32s(&[f32::NAN])) {
            Err(e @ Error::NonFiniteWeight { .. }) => {
                assert!(e.to_string().contains("\"blk.0.attn_q.weight\""), "{e}")
            }
            other => panic!("{other:?}"),
        }
    }
}
