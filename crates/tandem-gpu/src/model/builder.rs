//! Uploads weights and makes the dispatches that use them: every pipeline and bind group of a
//! model is made here, at load, so that a forward step only records them.
use std::cell::Cell;

use tandem_core::{Config, Weights};

use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::format::Format;
use crate::matrix::Matrix;
use crate::ops::{Dispatch, Grid, LinearOp, MatParams, FLAG_ACCUMULATE, FLAG_BIAS};
use crate::pipelines::{Defines, Kernel, MATMUL, MATVEC, MATVEC_NORM};

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
        self.matrix_padded(w, name, (rows, cols), rows)
    }

    /// Uploads the `rows × cols` matrix `name` with zero rows up to `out_rows`.
    fn matrix_padded(
        &self,
        w: &mut Weights,
        name: &str,
        (rows, cols): (usize, usize),
        out_rows: usize,
    ) -> Result<Matrix> {
        let raw = w.raw(name, &[rows, cols], self.cfg)?;
        let m = Matrix::upload_padded(self.gpu, name, &raw, out_rows)?;
        self.weight_bytes.set(self.weight_bytes.get() + m.bytes());
        Ok(m)
    }

    /// Uploads the vector `name` (a norm weight, a bias) as f32.
    pub fn vector(&self, w: &mut Weights, name: &str, len: usize) -> Result<wgpu::Buffer> {
        self.vector_padded(w, name, len, len)
    }

    /// Uploads the vector `name` of `len` values with zeros up to `padded`.
    fn vector_padded(
        &self,
        w: &mut Weights,
        name: &str,
        len: usize,
        padded: usize,
    ) -> Result<wgpu::Buffer> {
        let mut v: Vec<f32> = w
            .vector(name, len, self.cfg)?
            .to_vec1()
            .map_err(|e| GpuError::Core(tandem_core::Error::Candle(e)))?;
        v.resize(padded.max(len), 0.0);
        self.gpu.storage_init(name, bytemuck::cast_slice(&v))
    }

    /// Uploads `{name}.weight` (`rows × cols`; and `{name}.bias` when `bias`) and makes
    /// `out = x · Wᵀ (+ b)`, its rows padded with zeros to `out_rows` (an output that feeds a
    /// product whose columns were padded). `norm`: the weight of the RMSNorm that made `x` from
    /// the residual stream, fused into the decode matvec where the kernels are cooperative.
    #[allow(clippy::too_many_arguments)]
    pub fn linear(
        &self,
        w: &mut Weights,
        name: &str,
        (rows, cols): (usize, usize),
        out_rows: usize,
        bias: bool,
        x: &wgpu::Buffer,
        out: &wgpu::Buffer,
        mode: Out,
        norm: Option<&wgpu::Buffer>,
    ) -> Result<LinearOp> {
        let m = self.matrix_padded(w, &format!("{name}.weight"), (rows, cols), out_rows)?;
        let b = if bias {
            Some(self.vector_padded(w, &format!("{name}.bias"), rows, out_rows)?)
        } else {
            None
        };
        let norm = norm.filter(|_| !self.defines.rowwise);
        let mut op = self.product(&m, b.as_ref(), x, out, mode, false, norm)?;
        op.labels = labels(name);
        Ok(op)
    }

    /// `out = x · mᵀ (+ bias)` over an uploaded matrix. `single`: x always holds one row.
    /// `norm`: also the decode matvec that normalises the residual stream itself (see
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
        norm: Option<&wgpu::Buffer>,
    ) -> Result<LinearOp> {
        let mut flags = 0;
        if bias.is_some() {
            flags |= FLAG_BIAS;
        }
        if mode == Out::Accumulate {
            flags |= FLAG_ACCUMULATE;
        }
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
                    _pad: 0,
                },
            );
            let bias = bias.unwrap_or(&self.act.dummy);
            let bg = self.gpu.bind_group(
                &MATVEC,
                &[&params, &part.buffer, x, out, bias, &self.act.step],
            );
            parts.push((bg, part.rows as u32));
            if let Some(g) = norm {
                fused.push(self.gpu.bind_group(
                    &MATVEC_NORM,
                    &[
                        &params,
                        &part.buffer,
                        &self.act.x,
                        out,
                        bias,
                        &self.act.step,
                        g,
                    ],
                ));
            }
        }
        let fused_norm = match norm {
            Some(_) => {
                let d = Defines {
                    norm: true,
                    ..self.defines
                };
                Some((fused, self.gpu.pipeline(&MATVEC_NORM, Some(m.format), d)?))
            }
            None => None,
        };
        Ok(LinearOp {
            parts,
            matvec: self.gpu.pipeline(&MATVEC, Some(m.format), self.defines)?,
            matmul: self.gpu.pipeline(&MATMUL, Some(m.format), self.defines)?,
            single,
            labels: labels("lm_head"),
            fused_norm,
        })
    }
}

/// A product's labels in a profile, from its weight's name (`model.layers.3.self_attn.q_proj`).
fn labels(name: &str) -> [&'static str; 2] {
    const ROLES: [(&str, [&str; 2]); 8] = [
        ("q_proj", ["matvec q_proj", "matmul q_proj"]),
        ("k_proj", ["matvec k_proj", "matmul k_proj"]),
        ("v_proj", ["matvec v_proj", "matmul v_proj"]),
        ("o_proj", ["matvec o_proj", "matmul o_proj"]),
        ("gate_proj", ["matvec gate_proj", "matmul gate_proj"]),
        ("up_proj", ["matvec up_proj", "matmul up_proj"]),
        ("down_proj", ["matvec down_proj", "matmul down_proj"]),
        ("lm_head", ["matvec lm_head", "matmul lm_head"]),
    ];
    ROLES
        .iter()
        .find(|(role, _)| name.ends_with(role))
        .map_or(["matvec", "matmul"], |(_, l)| *l)
}
