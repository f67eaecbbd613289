//! Uploads weights and makes the dispatches that use them: every pipeline and bind group of a
//! model is made here, at load, so that a forward step only records them.
use std::cell::Cell;

use tandem_core::{Config, RawTensor, Weights};

use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::format::Format;
use crate::matrix::{stack, Matrix};
use crate::ops::{Dispatch, Grid, LinearOp, MatParams, FLAG_ACCUMULATE, FLAG_BIAS};
use crate::pipelines::{Defines, Kernel, MATMUL, MATVEC, MATVEC_MERGE, MATVEC_NORM};

use super::buffers::Activations;

pub(super) struct Builder<'a> {
    pub gpu: &'a Gpu,
    pub cfg: &'a Config,
    pub defines: Defines,
    pub act: &'a Activations,
    /// Bytes of every matrix uploaded so far (what one decoded token reads).
    pub weight_bytes: Cell<usize>,
}

/// Where a product's output goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Out {
    Write,
    /// Added to what is there (the residual stream).
    Accumulate,
}

impl Builder<'_> {
    pub fn kernel(
        &self,
        kernel: &Kernel,
        format: Option<Format>,
        buffers: &[&wgpu::Buffer],
        grid: Grid,
    ) -> Result<Dispatch> {
        Dispatch::new(self.gpu, kernel, format, self.defines, buffers, grid)
    }

    /// Uploads the `rows × cols` matrix `name`.
    pub fn matrix(&self, w: &mut Weights, name: &str, rows: usize, cols: usize) -> Result<Matrix> {
        let raw = w.raw(name, &[rows, cols], self.cfg)?;
        self.upload(name, &raw, rows)
    }

    /// Uploads `raw` with zero rows up to `out_rows`, counted in [`Builder::weight_bytes`].
    fn upload(&self, name: &str, raw: &RawTensor, out_rows: usize) -> Result<Matrix> {
        let m = Matrix::upload_padded(self.gpu, name, raw, out_rows)?;
        self.weight_bytes.set(self.weight_bytes.get() + m.bytes());
        Ok(m)
    }

    /// Uploads the vector `name` (a norm weight) as f32.
    pub fn vector(&self, w: &mut Weights, name: &str, len: usize) -> Result<wgpu::Buffer> {
        let v = self.values(w, name, len)?;
        self.gpu.storage_init(name, bytemuck::cast_slice(&v))
    }

    fn values(&self, w: &mut Weights, name: &str, len: usize) -> Result<Vec<f32>> {
        w.vector(name, len, self.cfg)?
            .to_vec1()
            .map_err(|e| GpuError::Core(tandem_core::Error::Candle(e)))
    }

    /// Uploads the weights of `s` stacked by rows (and their biases when `bias`) and makes
    /// `out = x · Wᵀ (+ b)` over them: one product (one dispatch per step) where they share a
    /// format, else one per weight, each writing its rows of `out`. `prologue`: what the decode
    /// matvec computes from its input first, where the kernels are cooperative.
    #[allow(clippy::too_many_arguments)]
    pub fn linear(
        &self,
        w: &mut Weights,
        s: &Stack,
        bias: bool,
        x: &wgpu::Buffer,
        out: &wgpu::Buffer,
        mode: Out,
        prologue: Option<Prologue>,
    ) -> Result<Vec<LinearOp>> {
        let total: usize = s.weights.iter().map(|(_, _, padded)| padded).sum();
        let mut raws = Vec::with_capacity(s.weights.len());
        let mut biases = Vec::new();
        for (name, rows, padded) in &s.weights {
            raws.push((
                w.raw(&format!("{name}.weight"), &[*rows, s.cols], self.cfg)?,
                *padded,
            ));
            if bias {
                let mut b = self.values(w, &format!("{name}.bias"), *rows)?;
                b.resize(*padded, 0.0);
                biases.extend(b);
            }
        }
        // "model.layers.0.self_attn.q_proj+k_proj+v_proj": what an upload error names.
        let name = s
            .weights
            .iter()
            .enumerate()
            .map(|(i, (n, _, _))| match i {
                0 => n.as_str(),
                _ => n.rsplit('.').next().unwrap_or(n),
            })
            .collect::<Vec<_>>()
            .join("+");
        let bias = match bias {
            true => Some(
                self.gpu
                    .storage_init(&name, bytemuck::cast_slice(&biases))?,
            ),
            false => None,
        };
        let mats = match stack(raws) {
            Ok(raw) => vec![self.upload(&name, &raw, total)?],
            Err(raws) => {
                let mut base = 0;
                let mut mats = Vec::new();
                for ((raw, padded), (name, _, _)) in raws.iter().zip(&s.weights) {
                    mats.push(self.upload(name, raw, *padded)?.offset_rows(base, total));
                    base += padded;
                }
                mats
            }
        };
        let prologue = prologue.filter(|_| !self.defines.rowwise);
        mats.iter()
            .map(|m| {
                let mut op = self.product(m, bias.as_ref(), x, out, mode, false, prologue)?;
                op.labels = labels(s.role);
                Ok(op)
            })
            .collect()
    }

    /// `out = x · mᵀ (+ bias)` over an uploaded matrix. `single`: x always holds one row.
    /// `prologue`: also the decode matvec that computes its input itself (see
    /// [`Builder::linear`]).
    #[allow(clippy::too_many_arguments)]
    pub fn product(
        &self,
        m: &Matrix,
        bias: Option<&wgpu::Buffer>,
        x: &wgpu::Buffer,
        out: &wgpu::Buffer,
        mode: Out,
        single: bool,
        prologue: Option<Prologue>,
    ) -> Result<LinearOp> {
        let mut flags = 0;
        if bias.is_some() {
            flags |= FLAG_BIAS;
        }
        if mode == Out::Accumulate {
            flags |= FLAG_ACCUMULATE;
        }
        let a = self.act;
        let mut parts = Vec::new();
        let mut fused = Vec::new();
        for part in &m.parts {
            let params = self.gpu.uniform(
                "mat-params",
                &MatParams {
                    rows: part.rows as u32,
                    cols: m.cols as u32,
                    out_stride: m.rows as u32,
                    row_offset: part.row_start as u32,
                    flags,
                    m_fixed: u32::from(single),
                    eps: self.cfg.rms_norm_eps as f32,
                    group_rows: MatParams::group_rows(part.rows, m.cols),
                },
            );
            let bias = bias.unwrap_or(&a.dummy);
            let w = &part.buffer;
            let bg = self
                .gpu
                .bind_group(&MATVEC, &[&params, w, x, out, bias, &a.step]);
            let groups = (part.rows as u32).div_ceil(MatParams::group_rows(part.rows, m.cols));
            parts.push((bg, part.rows as u32, groups));
            match prologue {
                Some(Prologue::Norm(g)) => fused.push(
                    self.gpu
                        .bind_group(&MATVEC_NORM, &[&params, w, &a.x, out, bias, &a.step, g]),
                ),
                Some(Prologue::Silu) => fused.push(
                    self.gpu
                        .bind_group(&MATVEC, &[&params, w, &a.gu, out, bias, &a.step]),
                ),
                Some(Prologue::Merge { part, params: ap }) => fused.push(self.gpu.bind_group(
                    &MATVEC_MERGE,
                    &[&params, w, x, out, bias, &a.step, part, ap],
                )),
                None => {}
            }
        }
        let fused = match prologue {
            Some(p) => {
                let (kernel, d) = match p {
                    Prologue::Norm(_) => (
                        &MATVEC_NORM,
                        Defines {
                            norm: true,
                            ..self.defines
                        },
                    ),
                    Prologue::Silu => (
                        &MATVEC,
                        Defines {
                            silu: true,
                            ..self.defines
                        },
                    ),
                    Prologue::Merge { .. } => (
                        &MATVEC_MERGE,
                        Defines {
                            merge: true,
                            ..self.defines
                        },
                    ),
                };
                Some((fused, self.gpu.pipeline(kernel, Some(m.format), d)?))
            }
            None => None,
        };
        Ok(LinearOp {
            parts,
            matvec: self.gpu.pipeline(&MATVEC, Some(m.format), self.defines)?,
            matmul: self.gpu.pipeline(&MATMUL, Some(m.format), self.defines)?,
            single,
            labels: labels("lm_head"),
            fused,
            rowwise: self.defines.rowwise,
            matmul_wide: match self.defines.rowwise {
                true => None,
                false => {
                    let d = Defines {
                        wide: true,
                        ..self.defines
                    };
                    Some(self.gpu.pipeline(&MATMUL, Some(m.format), d)?)
                }
            },
        })
    }
}

/// Weights stacked by rows into one product.
pub(super) struct Stack {
    /// What a profile calls the product ("qkv_proj").
    pub role: &'static str,
    /// Each weight's name (without `.weight`), rows, and rows on the device (zeros past its own:
    /// an output that feeds a product whose columns were padded).
    pub weights: Vec<(String, usize, usize)>,
    pub cols: usize,
}

/// What a decode matvec computes from its input before the product (cooperative kernels).
#[derive(Clone, Copy)]
pub(super) enum Prologue<'a> {
    /// The RMSNorm with this weight, of the residual stream: the layer then needs no norm
    /// dispatch in decode.
    Norm(&'a wgpu::Buffer),
    /// silu(gate) · up from the stacked gate/up product: no silu_mul dispatch in decode.
    Silu,
    /// Attention's output merged from the decode kernel's partials (`part`) where a step has a
    /// few splits, by its parameters (`params`): no merge dispatch in decode at short contexts.
    Merge {
        part: &'a wgpu::Buffer,
        params: &'a wgpu::Buffer,
    },
}

/// A product's labels in a profile, from its role (`qkv_proj`).
fn labels(name: &str) -> [&'static str; 2] {
    const ROLES: [(&str, [&str; 2]); 5] = [
        ("qkv_proj", ["matvec qkv_proj", "matmul qkv_proj"]),
        ("o_proj", ["matvec o_proj", "matmul o_proj"]),
        (
            "gate_up_proj",
            ["matvec gate_up_proj", "matmul gate_up_proj"],
        ),
        ("down_proj", ["matvec down_proj", "matmul down_proj"]),
        ("lm_head", ["matvec lm_head", "matmul lm_head"]),
    ];
    ROLES
        .iter()
        .find(|(role, _)| name.ends_with(role))
        .map_or(["matvec", "matmul"], |(_, l)| *l)
}
