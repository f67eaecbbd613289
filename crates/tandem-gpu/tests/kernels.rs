//! Every kernel against the CPU reference, with fixed seeds and awkward sizes (rows, tokens and
//! positions that are not multiples of the workgroup or tile sizes). The same bodies run
//! natively (lavapipe in CI) and in headless Chromium (`wasm-pack test --headless --chrome`).
//! Without an adapter these tests fail: they never skip.
use tandem_core::candle_core::quantized::{GgmlDType, QTensor};
use tandem_core::candle_core::{Device, Tensor};
use tandem_core::sampling::{argmax as cpu_argmax, logprob_and_entropy, Rng};
use tandem_core::{Config, RawDtype, RawTensor, RopeScaling};
use tandem_gpu::kernels::{self, AttnShape, MatKernel};
use tandem_gpu::ops::{AttnParams, MatParams};
use tandem_gpu::{Defines, Gpu, GpuOptions};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

macro_rules! gpu_test {
    ($name:ident) => {
        #[cfg(not(target_arch = "wasm32"))]
        #[test]
        fn $name() {
            pollster::block_on(cases::$name());
        }
        #[cfg(target_arch = "wasm32")]
        #[wasm_bindgen_test::wasm_bindgen_test]
        async fn $name() {
            cases::$name().await;
        }
    };
}

gpu_test!(matvec_every_format);
gpu_test!(matmul_every_format);
gpu_test!(odd_columns_padded);
gpu_test!(matvec_with_fused_norm);
gpu_test!(matvec_with_fused_silu);
gpu_test!(matvec_with_fused_merge);
gpu_test!(matvec_rows_per_workgroup);
gpu_test!(matmul_wide_tiles);
gpu_test!(matrix_split_across_bindings);
gpu_test!(f16_variants_agree);
gpu_test!(subgroup_and_plain_reductions_agree);
gpu_test!(embedding_gather);
gpu_test!(rmsnorm_rows);
gpu_test!(rope_with_llama3_scaling);
gpu_test!(attention_prefill_and_decode_gqa);
gpu_test!(silu_mul_elementwise);
gpu_test!(argmax_logprob_entropy);

mod cases {
    use super::*;

    pub async fn gpu_with(opts: GpuOptions) -> Gpu {
        match Gpu::with_options(&opts).await {
            Ok(g) => g,
            Err(e) => {
                panic!("GPU tests need a WebGPU adapter (lavapipe: mesa-vulkan-drivers): {e}")
            }
        }
    }

    pub async fn gpu() -> Gpu {
        gpu_with(GpuOptions::default()).await
    }

    pub fn randn(rng: &mut Rng, n: usize, scale: f32) -> Vec<f32> {
        (0..n)
            .map(|_| ((rng.next_f64() as f32) * 2.0 - 1.0) * scale)
            .collect()
    }

    /// A weight in `dtype` and its exact f32 values (what the GPU should compute with).
    pub fn weight(
        rng: &mut Rng,
        rows: usize,
        cols: usize,
        dtype: RawDtype,
    ) -> (RawTensor, Vec<f32>) {
        let v = randn(rng, rows * cols, 0.5);
        let (data, exact) = match dtype {
            RawDtype::F32 => (bytemuck::cast_slice(&v).to_vec(), v),
            RawDtype::F16 => {
                let h: Vec<half::f16> = v.iter().map(|&x| half::f16::from_f32(x)).collect();
                let exact = h.iter().map(|x| x.to_f32()).collect();
                (h.iter().flat_map(|x| x.to_le_bytes()).collect(), exact)
            }
            RawDtype::Q8_0 | RawDtype::Q4_0 => {
                let g = if dtype == RawDtype::Q8_0 {
                    GgmlDType::Q8_0
                } else {
                    GgmlDType::Q4_0
                };
                let t = Tensor::from_vec(v, (rows, cols), &Device::Cpu).unwrap();
                let q = QTensor::quantize(&t, g).unwrap();
                let exact = q
                    .dequantize(&Device::Cpu)
                    .unwrap()
                    .flatten_all()
                    .unwrap()
                    .to_vec1()
                    .unwrap();
                (q.data().unwrap().into_owned(), exact)
            }
        };
        (
            RawTensor {
                dtype,
                shape: vec![rows, cols],
                data,
            },
            exact,
        )
    }

    pub fn cpu_linear(w: &[f32], x: &[f32], m: usize, rows: usize, cols: usize) -> Vec<f32> {
        let mut out = vec![0.0; m * rows];
        for i in 0..m {
            for r in 0..rows {
                let mut s = 0f64;
                for c in 0..cols {
                    s += w[r * cols + c] as f64 * x[i * cols + c] as f64;
                }
                out[i * rows + r] = s as f32;
            }
        }
        out
    }

    pub fn assert_close(what: &str, got: &[f32], want: &[f32], tol: f32) {
        assert_eq!(got.len(), want.len(), "{what}: length");
        let scale = want.iter().fold(1f32, |a, x| a.max(x.abs()));
        let d = got
            .iter()
            .zip(want)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(d <= tol * scale, "{what}: max |diff| {d} > {tol} × {scale}");
    }

    const DTYPES: [RawDtype; 4] = [RawDtype::F32, RawDtype::F16, RawDtype::Q8_0, RawDtype::Q4_0];

    async fn linear_case(
        gpu: &Gpu,
        kernel: MatKernel,
        m: usize,
        rows: usize,
        cols: usize,
        seed: u64,
    ) {
        for dtype in DTYPES {
            let mut rng = Rng::new(seed);
            let (raw, exact) = weight(&mut rng, rows, cols, dtype);
            let x = randn(&mut rng, m * cols, 1.0);
            let bias = randn(&mut rng, rows, 1.0);
            let acc = randn(&mut rng, m * rows, 1.0);
            let plain = kernels::linear(gpu, &raw, &x, m, None, None, kernel, gpu.defines())
                .await
                .unwrap();
            let want = cpu_linear(&exact, &x, m, rows, cols);
            assert_close(
                &format!("{kernel:?} {dtype:?} {m}×{rows}×{cols}"),
                &plain,
                &want,
                1e-5,
            );
            // bias and residual accumulation
            let got = kernels::linear(
                gpu,
                &raw,
                &x,
                m,
                Some(&bias),
                Some(&acc),
                kernel,
                gpu.defines(),
            )
            .await
            .unwrap();
            let want: Vec<f32> = (0..m * rows)
                .map(|i| want[i] + bias[i % rows] + acc[i])
                .collect();
            assert_close(&format!("{kernel:?} {dtype:?} bias+acc"), &got, &want, 1e-5);
        }
    }

    pub async fn matvec_every_format() {
        let gpu = gpu().await;
        linear_case(&gpu, MatKernel::Matvec, 1, 37, 96, 1).await;
        linear_case(&gpu, MatKernel::Matvec, 1, 203, 320, 2).await;
    }

    pub async fn matmul_every_format() {
        let gpu = gpu().await;
        linear_case(&gpu, MatKernel::Matmul, 5, 37, 96, 3).await;
        linear_case(&gpu, MatKernel::Matmul, 33, 131, 160, 4).await;
    }

    /// f32/f16 matrices whose columns are not a multiple of 32 are padded with zeros at upload
    /// (MLP widths like 200, o_proj inputs like 4 × 18): decode and prefill, both variants.
    pub async fn odd_columns_padded() {
        let gpu = gpu().await;
        let mut rng = Rng::new(21);
        for dtype in [RawDtype::F32, RawDtype::F16] {
            for (m, kernel) in [(1, MatKernel::Matvec), (9, MatKernel::Matmul)] {
                let (rows, cols) = (37, 50);
                let (raw, exact) = weight(&mut rng, rows, cols, dtype);
                let x = randn(&mut rng, m * cols, 1.0);
                let want = cpu_linear(&exact, &x, m, rows, cols);
                for rowwise in [false, true] {
                    let d = Defines {
                        rowwise,
                        ..gpu.defines()
                    };
                    let got = kernels::linear(&gpu, &raw, &x, m, None, None, kernel, d)
                        .await
                        .unwrap();
                    let what = format!("{kernel:?} {dtype:?} {m}×{rows}×{cols} {d:?}");
                    assert_close(&what, &got, &want, 1e-5);
                }
            }
        }
    }

    /// Bindings capped at 4 KiB: matrices split into many parts, embedding rows found in any.
    pub async fn matrix_split_across_bindings() {
        let gpu = gpu_with(GpuOptions {
            max_binding: Some(4096),
            ..Default::default()
        })
        .await;
        linear_case(&gpu, MatKernel::Matvec, 1, 77, 64, 5).await;
        linear_case(&gpu, MatKernel::Matmul, 7, 77, 64, 6).await;
        let mut rng = Rng::new(7);
        let (raw, exact) = weight(&mut rng, 90, 64, RawDtype::Q8_0);
        let ids = [0u32, 89, 17, 45, 46, 3];
        let got = kernels::embed(&gpu, &raw, &ids, gpu.defines())
            .await
            .unwrap();
        let want: Vec<f32> = ids
            .iter()
            .flat_map(|&i| exact[i as usize * 64..(i as usize + 1) * 64].to_vec())
            .collect();
        assert_close("split embedding", &got, &want, 0.0);
    }

    /// The shader-f16 variant (where the adapter has it) and the unpack2x16float one agree.
    pub async fn f16_variants_agree() {
        let gpu = gpu().await;
        let mut rng = Rng::new(8);
        let (raw, exact) = weight(&mut rng, 45, 128, RawDtype::F16);
        let x = randn(&mut rng, 3 * 128, 1.0);
        let want = cpu_linear(&exact, &x, 3, 45, 128);
        let mut variants = vec![Defines {
            f16: false,
            ..gpu.defines()
        }];
        if gpu.has_f16() {
            variants.push(Defines {
                f16: true,
                ..gpu.defines()
            });
        }
        for d in variants {
            for kernel in [MatKernel::Matvec, MatKernel::Matmul] {
                let m = if kernel == MatKernel::Matvec { 1 } else { 3 };
                let got = kernels::linear(&gpu, &raw, &x[..m * 128], m, None, None, kernel, d)
                    .await
                    .unwrap();
                assert_close(
                    &format!("f16 {d:?} {kernel:?}"),
                    &got,
                    &want[..m * 45],
                    1e-5,
                );
            }
        }
    }

    pub async fn subgroup_and_plain_reductions_agree() {
        let gpu = gpu().await;
        let adapter = format!("adapter: {}", gpu.describe());
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_test::console_log!("{adapter}");
        #[cfg(not(target_arch = "wasm32"))]
        println!("{adapter}");
        let mut rng = Rng::new(9);
        let (raw, exact) = weight(&mut rng, 300, 256, RawDtype::Q4_0);
        let x = randn(&mut rng, 256, 1.0);
        let want = cpu_linear(&exact, &x, 1, 300, 256);
        // Plain, row-wise (CPU adapters) and, where the adapter has them, subgroup reductions.
        let mut variants = vec![
            Defines {
                subgroups: false,
                rowwise: false,
                ..gpu.defines()
            },
            Defines {
                subgroups: false,
                rowwise: true,
                ..gpu.defines()
            },
        ];
        if gpu.has_subgroups() {
            variants.push(Defines {
                subgroups: true,
                rowwise: false,
                ..gpu.defines()
            });
        }
        for d in &variants {
            let got = kernels::linear(&gpu, &raw, &x, 1, None, None, MatKernel::Matvec, *d)
                .await
                .unwrap();
            assert_close(&format!("matvec {d:?}"), &got, &want, 1e-5);
        }
        // The tiled and the row-wise prefill matmul: 37 inputs (two 32-input tiles, a partial
        // group of 4), 131 rows (a partial 64-row tile), with bias and accumulate.
        let (raw, exact) = weight(&mut rng, 131, 256, RawDtype::Q8_0);
        let x = randn(&mut rng, 37 * 256, 1.0);
        let bias = randn(&mut rng, 131, 1.0);
        let acc = randn(&mut rng, 37 * 131, 1.0);
        let mut want = cpu_linear(&exact, &x, 37, 131, 256);
        for (i, w) in want.iter_mut().enumerate() {
            *w += bias[i % 131] + acc[i];
        }
        for rowwise in [false, true] {
            let d = Defines {
                rowwise,
                ..gpu.defines()
            };
            let got = kernels::linear(
                &gpu,
                &raw,
                &x,
                37,
                Some(&bias),
                Some(&acc),
                MatKernel::Matmul,
                d,
            )
            .await
            .unwrap();
            assert_close(&format!("matmul {d:?}"), &got, &want, 1e-4);
        }
    }

    /// The decode matvec with the RMSNorm before it fused in, against rmsnorm then matvec on
    /// the CPU: every format, plain and subgroup reductions.
    pub async fn matvec_with_fused_norm() {
        let gpu = gpu().await;
        let mut rng = Rng::new(31);
        let (rows, cols) = (70, 96);
        let x = randn(&mut rng, cols, 3.0);
        let g = randn(&mut rng, cols, 1.0);
        let eps = 1e-5;
        let ms = x.iter().map(|v| v * v).sum::<f32>() / cols as f32;
        let inv = 1.0 / (ms + eps).sqrt();
        let xn: Vec<f32> = x.iter().zip(&g).map(|(v, w)| v * inv * w).collect();
        for dtype in DTYPES {
            let (raw, exact) = weight(&mut rng, rows, cols, dtype);
            let want = cpu_linear(&exact, &xn, 1, rows, cols);
            for subgroups in [false, gpu.has_subgroups()] {
                let d = Defines {
                    subgroups,
                    ..gpu.defines()
                };
                let got = kernels::matvec_norm(&gpu, &raw, &x, &g, eps, d)
                    .await
                    .unwrap();
                assert_close(&format!("matvec+norm {dtype:?} {d:?}"), &got, &want, 1e-5);
            }
        }
    }

    /// The cooperative matvec with 8, 4 and 2 rows per workgroup (few rows, long ones: more
    /// workgroups for a large GPU), rows not a multiple of the group, plain and subgroup
    /// reductions, every format.
    pub async fn matvec_rows_per_workgroup() {
        let gpu = gpu().await;
        let mut rng = Rng::new(33);
        for (rows, cols, group) in [(45, 256, 8), (45, 512, 4), (45, 1024, 2), (45, 2048, 2)] {
            assert_eq!(MatParams::group_rows(rows, cols), group);
            let x = randn(&mut rng, cols, 1.0);
            for dtype in DTYPES {
                let (raw, exact) = weight(&mut rng, rows, cols, dtype);
                let want = cpu_linear(&exact, &x, 1, rows, cols);
                for subgroups in [false, gpu.has_subgroups()] {
                    let d = Defines {
                        subgroups,
                        rowwise: false,
                        ..gpu.defines()
                    };
                    let got = kernels::linear(&gpu, &raw, &x, 1, None, None, MatKernel::Matvec, d)
                        .await
                        .unwrap();
                    let what =
                        format!("matvec {dtype:?} {rows}×{cols}, {group} rows a group, {d:?}");
                    assert_close(&what, &got, &want, 2e-5);
                }
            }
        }
    }

    /// The prefill matmul's 64 × 64 tiles (large products on GPUs): a partial tile of inputs
    /// and of rows, bias and residual accumulation, every format, beside the 64 × 32 tiles.
    pub async fn matmul_wide_tiles() {
        let gpu = gpu().await;
        let mut rng = Rng::new(34);
        let (m, rows, cols) = (70, 131, 160);
        let x = randn(&mut rng, m * cols, 1.0);
        let bias = randn(&mut rng, rows, 1.0);
        let acc = randn(&mut rng, m * rows, 1.0);
        for dtype in DTYPES {
            let (raw, exact) = weight(&mut rng, rows, cols, dtype);
            let want: Vec<f32> = cpu_linear(&exact, &x, m, rows, cols)
                .iter()
                .enumerate()
                .map(|(i, v)| v + bias[i % rows] + acc[i])
                .collect();
            for wide in [false, true] {
                let d = Defines {
                    wide,
                    rowwise: false,
                    ..gpu.defines()
                };
                let got = kernels::linear(
                    &gpu,
                    &raw,
                    &x,
                    m,
                    Some(&bias),
                    Some(&acc),
                    MatKernel::Matmul,
                    d,
                )
                .await
                .unwrap();
                let what = format!("matmul {dtype:?} {m}×{rows}×{cols} {d:?}");
                assert_close(&what, &got, &want, 2e-5);
            }
        }
    }

    pub async fn matvec_with_fused_silu() {
        let gpu = gpu().await;
        let mut rng = Rng::new(32);
        let (rows, cols) = (70, 96);
        let gate = randn(&mut rng, cols, 6.0);
        let up = randn(&mut rng, cols, 2.0);
        let act: Vec<f32> = gate
            .iter()
            .zip(&up)
            .map(|(g, u)| g / (1.0 + (-g).exp()) * u)
            .collect();
        for dtype in DTYPES {
            let (raw, exact) = weight(&mut rng, rows, cols, dtype);
            let want = cpu_linear(&exact, &act, 1, rows, cols);
            for subgroups in [false, gpu.has_subgroups()] {
                let d = Defines {
                    subgroups,
                    ..gpu.defines()
                };
                let got = kernels::matvec_silu(&gpu, &raw, &gate, &up, d)
                    .await
                    .unwrap();
                assert_close(&format!("matvec+silu {dtype:?} {d:?}"), &got, &want, 1e-5);
            }
        }
    }

    /// o_proj's decode matvec merging attention's splits first: the partials of 1 to 9 splits
    /// (merged where 2..=8, attention's output read as it is otherwise), 9 heads of 64 dims and
    /// 3 of 128 (a padded input row: 384 + 32 columns).
    pub async fn matvec_with_fused_merge() {
        let gpu = gpu().await;
        let mut rng = Rng::new(33);
        for (heads, hd, cols) in [(9usize, 64usize, 576usize), (3, 128, 416)] {
            let split = AttnParams::DECODE_SPLIT as usize;
            let p = AttnParams {
                n_heads: heads as u32,
                n_kv: 1,
                head_dim: hd as u32,
                scale: 1.0,
                split: split as u32,
                out_stride: cols as u32,
                q_stride: cols as u32,
                fused_merge: AttnParams::FUSED_MERGE_SPLITS,
            };
            let x = randn(&mut rng, cols, 1.0);
            let (raw, exact) = weight(&mut rng, 40, cols, RawDtype::F32);
            for n_splits in [1usize, 2, 5, 8, 9] {
                // Per (head, split): a max, a positive sum, unnormalised values.
                let mut part = Vec::new();
                for _ in 0..heads * n_splits {
                    part.push(randn(&mut rng, 1, 3.0)[0]);
                    part.push(1.0 + randn(&mut rng, 1, 1.0)[0].abs());
                    part.extend(randn(&mut rng, hd, 2.0));
                }
                let merged: Vec<f32> = (0..cols)
                    .map(|i| {
                        let (h, d) = (i / hd, i % hd);
                        if h >= heads {
                            return 0.0;
                        }
                        let row = |s: usize| &part[(h * n_splits + s) * (hd + 2)..];
                        let mx = (0..n_splits).map(|s| row(s)[0]).fold(f32::MIN, f32::max);
                        let w = |s: usize| (row(s)[0] - mx).exp();
                        let l: f32 = (0..n_splits).map(|s| w(s) * row(s)[1]).sum();
                        (0..n_splits).map(|s| w(s) * row(s)[2 + d]).sum::<f32>() / l
                    })
                    .collect();
                let input = match n_splits {
                    2..=8 => &merged,
                    _ => &x,
                };
                let want = cpu_linear(&exact, input, 1, 40, cols);
                let pos0 = (n_splits - 1) * split + 7;
                for subgroups in [false, gpu.has_subgroups()] {
                    let d = Defines {
                        subgroups,
                        ..gpu.defines()
                    };
                    let got = kernels::matvec_merge(&gpu, &raw, &x, &part, p, pos0, d)
                        .await
                        .unwrap();
                    let what = format!("matvec+merge {heads}×{hd}, {n_splits} splits {d:?}");
                    assert_close(&what, &got, &want, 1e-5);
                }
            }
        }
    }

    pub async fn embedding_gather() {
        let gpu = gpu().await;
        for dtype in DTYPES {
            let mut rng = Rng::new(10);
            let (raw, exact) = weight(&mut rng, 321, 96, dtype);
            let ids = [5u32, 320, 0, 5, 77];
            let got = kernels::embed(&gpu, &raw, &ids, gpu.defines())
                .await
                .unwrap();
            let want: Vec<f32> = ids
                .iter()
                .flat_map(|&i| exact[i as usize * 96..(i as usize + 1) * 96].to_vec())
                .collect();
            assert_close(&format!("embed {dtype:?}"), &got, &want, 0.0);
        }
    }

    pub async fn rmsnorm_rows() {
        let gpu = gpu().await;
        let mut rng = Rng::new(11);
        for (rows, dim) in [(1, 64), (3, 576), (5, 1000)] {
            let x = randn(&mut rng, rows * dim, 3.0);
            let w = randn(&mut rng, dim, 1.5);
            let got = kernels::rmsnorm(&gpu, &x, &w, 1e-5).await.unwrap();
            let want: Vec<f32> = x
                .chunks(dim)
                .flat_map(|r| {
                    let ms = r.iter().map(|v| (*v as f64).powi(2)).sum::<f64>() / dim as f64;
                    let inv = 1.0 / (ms + 1e-5).sqrt();
                    r.iter()
                        .zip(&w)
                        .map(|(v, g)| (*v as f64 * inv) as f32 * g)
                        .collect::<Vec<_>>()
                })
                .collect();
            assert_close(&format!("rmsnorm {rows}×{dim}"), &got, &want, 1e-5);
        }
    }

    fn rope_table(cfg: &Config, positions: usize) -> Vec<f32> {
        let inv = cfg.rope_inv_freq();
        let mut t = Vec::new();
        for p in 0..positions {
            for f in &inv {
                let a = p as f32 * f;
                t.push(a.cos());
                t.push(a.sin());
            }
        }
        t
    }

    pub async fn rope_with_llama3_scaling() {
        let gpu = gpu().await;
        let mut cfg = Config::preset("smollm2-135m").unwrap();
        cfg.head_dim = 24;
        cfg.rope_scaling = RopeScaling::Llama3 {
            factor: 8.0,
            low_freq_factor: 1.0,
            high_freq_factor: 4.0,
            original_max_position_embeddings: 32.0,
        };
        let s = AttnShape {
            n_heads: 5,
            n_kv: 1,
            head_dim: 24,
            pos0: 1000,
            t: 3,
        };
        let table = rope_table(&cfg, s.pos0 + s.t);
        let mut rng = Rng::new(12);
        let q = randn(&mut rng, s.t * s.n_heads * 24, 1.0);
        let k = randn(&mut rng, s.t * s.n_kv * 24, 1.0);
        let v = randn(&mut rng, s.t * s.n_kv * 24, 1.0);
        let (gq, gk, gv) = kernels::rope(&gpu, s, &table, &q, &k, &v).await.unwrap();
        let rot = |x: &[f32], pos: usize| -> Vec<f32> {
            let half = 12;
            let mut o = x.to_vec();
            for i in 0..half {
                let (c, sn) = (table[(pos * half + i) * 2], table[(pos * half + i) * 2 + 1]);
                o[i] = x[i] * c - x[i + half] * sn;
                o[i + half] = x[i + half] * c + x[i] * sn;
            }
            o
        };
        let want_q: Vec<f32> = q
            .chunks(24)
            .enumerate()
            .flat_map(|(i, h)| rot(h, s.pos0 + i / s.n_heads))
            .collect();
        assert_close("rope q", &gq, &want_q, 1e-6);
        let kvd = s.n_kv * 24;
        let want_k: Vec<f32> = k
            .chunks(24)
            .enumerate()
            .flat_map(|(i, h)| rot(h, s.pos0 + i / s.n_kv))
            .collect();
        assert_close("rope k into cache", &gk[s.pos0 * kvd..], &want_k, 1e-6);
        assert_close("v into cache", &gv[s.pos0 * kvd..], &v, 0.0);
        assert!(
            gk[..s.pos0 * kvd].iter().all(|&x| x == 0.0),
            "rows before pos0 untouched"
        );
    }

    fn cpu_attention(s: AttnShape, q: &[f32], kc: &[f32], vc: &[f32]) -> Vec<f32> {
        let hd = s.head_dim;
        let group = s.n_heads / s.n_kv;
        let mut out = vec![0.0; q.len()];
        for t in 0..s.t {
            let n = s.pos0 + t + 1;
            for h in 0..s.n_heads {
                let kvh = h / group;
                let qv = &q[(t * s.n_heads + h) * hd..][..hd];
                let scores: Vec<f64> = (0..n)
                    .map(|j| {
                        let kv = &kc[(j * s.n_kv + kvh) * hd..][..hd];
                        qv.iter()
                            .zip(kv)
                            .map(|(a, b)| (*a * *b) as f64)
                            .sum::<f64>()
                            / (hd as f64).sqrt()
                    })
                    .collect();
                let m = scores.iter().cloned().fold(f64::MIN, f64::max);
                let e: Vec<f64> = scores.iter().map(|x| (x - m).exp()).collect();
                let z: f64 = e.iter().sum();
                for d in 0..hd {
                    let v: f64 = (0..n)
                        .map(|j| e[j] * vc[(j * s.n_kv + kvh) * hd + d] as f64)
                        .sum();
                    out[(t * s.n_heads + h) * hd + d] = (v / z) as f32;
                }
            }
        }
        out
    }

    pub async fn attention_prefill_and_decode_gqa() {
        let gpu = gpu().await;
        let shape = |n_heads, n_kv, head_dim, pos0, t| AttnShape {
            n_heads,
            n_kv,
            head_dim,
            pos0,
            t,
        };
        // (shape, keys per split): decode at the contexts where tiles and splits begin and
        // end (1, 63, 64, 65, 1000, 4096 keys), prefill chunks whose tokens see different
        // numbers of splits, GQA 4:2 and 9:3, MQA, head dims 24 (dims past the last thread
        // idle), 64, 128 (two dims per thread) and 256 over a whole split (the row-wise kernel's
        // loops stay under lavapipe's cap on a shader's loop iterations).
        let cases = [
            (shape(4, 2, 32, 0, 19), 128),
            (shape(4, 2, 32, 0, 19), 64),
            (shape(3, 1, 24, 130, 1), 128),
            (shape(9, 3, 128, 61, 5), 64),
            (shape(9, 3, 64, 0, 1), 128),
            (shape(9, 3, 64, 62, 1), 64),
            (shape(9, 3, 64, 63, 1), 64),
            (shape(9, 3, 64, 64, 1), 64),
            (shape(9, 3, 64, 999, 1), 128),
            (shape(9, 3, 64, 4095, 1), 128),
            (shape(2, 1, 64, 100, 70), 64),
            (shape(9, 3, 64, 1000, 24), 128),
            (shape(2, 1, 256, 127, 1), 128),
            (shape(4, 2, 32, 8, 1), 128),
            (shape(4, 2, 32, 62, 1), 128),
        ];
        let mut rng = Rng::new(13);
        for (s, split) in cases {
            let n = s.pos0 + s.t;
            let q = randn(&mut rng, s.t * s.n_heads * s.head_dim, 2.0);
            let kc = randn(&mut rng, n * s.n_kv * s.head_dim, 2.0);
            let vc = randn(&mut rng, n * s.n_kv * s.head_dim, 1.0);
            let want = cpu_attention(s, &q, &kc, &vc);
            // The caches rounded to f16, as an f16 cache holds them.
            let round = |v: &[f32]| -> Vec<f32> {
                v.iter().map(|x| half::f16::from_f32(*x).to_f32()).collect()
            };
            let want_f16 = cpu_attention(s, &q, &round(&kc), &round(&vc));
            // The cooperative kernel (GPU decode; plain and, where the adapter has them,
            // subgroup reductions) and the row-wise one (CPU adapters, GPU prefill); each with
            // an f16 cache, as f16 where the adapter has shader-f16 and packed in u32.
            let f16 = gpu.has_f16();
            let variants = [
                (false, false, false, false),
                (false, gpu.has_subgroups(), false, false),
                (true, false, false, false),
                (false, false, true, f16),
                (true, false, true, f16),
                (false, false, true, false),
                (true, false, true, false),
            ];
            for (rowwise, subgroups, kv_f16, f16) in variants {
                let d = Defines {
                    rowwise,
                    subgroups,
                    kv_f16,
                    f16,
                    ..gpu.defines()
                };
                let want = if kv_f16 { &want_f16 } else { &want };
                let got = kernels::attention_split(&gpu, s, split, d, &q, &kc, &vc)
                    .await
                    .unwrap();
                assert_close(
                    &format!("attention {s:?} in splits of {split}, {d:?}"),
                    &got,
                    want,
                    1e-5,
                );
            }
        }
    }

    pub async fn silu_mul_elementwise() {
        let gpu = gpu().await;
        let mut rng = Rng::new(14);
        let (rows, dim) = (3, 1531);
        let g = randn(&mut rng, rows * dim, 6.0);
        let u = randn(&mut rng, rows * dim, 2.0);
        let got = kernels::silu_mul(&gpu, &g, &u, rows).await.unwrap();
        let want: Vec<f32> = g
            .iter()
            .zip(&u)
            .map(|(g, u)| g / (1.0 + (-g).exp()) * u)
            .collect();
        assert_close("silu_mul", &got, &want, 1e-6);
    }

    pub async fn argmax_logprob_entropy() {
        let gpu = gpu().await;
        let mut rng = Rng::new(15);
        // Fewer entries than slices, one slice, many (ties across slices), a Qwen vocabulary.
        for n in [1usize, 20, 255, 49_153, 151_936] {
            let mut logits = randn(&mut rng, n, 8.0);
            // a tie: the lowest index wins, as on the CPU
            if n > 200 {
                let m = logits.iter().cloned().fold(f32::MIN, f32::max);
                logits[200] = m;
                logits[n - 1] = m;
            }
            let pick = kernels::argmax(&gpu, &logits).await.unwrap();
            let id = cpu_argmax(&logits);
            let (lp, ent) = logprob_and_entropy(&logits, id);
            assert_eq!(pick.id, id, "argmax over {n}");
            assert!(
                (pick.logprob - lp).abs() <= 1e-4,
                "logprob {} vs {lp}",
                pick.logprob
            );
            assert!(
                (pick.entropy - ent).abs() <= 1e-4,
                "entropy {} vs {ent}",
                pick.entropy
            );
        }
    }
}
