//! The uniform structs of the kernels (mirrors of the WGSL structs) and recorded dispatches:
//! a pipeline, its bind group (made once, at load) and how its grid follows the token count, and
//! the weight products, whose kernel (matvec or matmul) follows it too.
use std::sync::Arc;

use bytemuck::{Pod, Zeroable};

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct Step {
    pub n_tokens: u32,
    pub pos0: u32,
    pub _pad: [u32; 2],
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct MatParams {
    pub rows: u32,
    pub cols: u32,
    pub out_stride: u32,
    pub row_offset: u32,
    pub flags: u32,
    pub m_fixed: u32,
    pub _pad: [u32; 2],
}

pub const FLAG_BIAS: u32 = 1;
pub const FLAG_ACCUMULATE: u32 = 2;

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct EmbedParams {
    pub cols: u32,
    pub row_start: u32,
    pub rows: u32,
    pub _pad: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct NormParams {
    pub dim: u32,
    pub eps: f32,
    pub last_only: u32,
    pub _pad: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct RopeParams {
    pub n_heads: u32,
    pub n_kv: u32,
    pub head_dim: u32,
    pub _pad: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct AttnParams {
    pub n_heads: u32,
    pub n_kv: u32,
    pub head_dim: u32,
    pub scale: f32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct DimParams {
    pub dim: u32,
    pub _pad: [u32; 3],
}

/// How a dispatch's grid follows `t`, the step's token count.
#[derive(Debug, Clone, Copy)]
pub enum Grid {
    /// (x, t, 1)
    PerToken(u32),
    /// (x, 1, 1)
    Fixed(u32),
    /// (x, ceil(t / per), 1)
    TokenTiles(u32, u32),
    /// ceil(t * n / 256) workgroups of 256, folded into 2-D above 65535.
    Elements(u32),
}

impl Grid {
    pub fn size(self, t: u32) -> (u32, u32, u32) {
        match self {
            Grid::PerToken(x) => (x, t, 1),
            Grid::Fixed(x) => (x, 1, 1),
            Grid::TokenTiles(x, per) => (x, t.div_ceil(per), 1),
            Grid::Elements(n) => {
                let groups = (t * n).div_ceil(256);
                if groups <= 65535 {
                    (groups, 1, 1)
                } else {
                    (65535, groups.div_ceil(65535), 1)
                }
            }
        }
    }
}

pub struct Dispatch {
    pub pipeline: Arc<wgpu::ComputePipeline>,
    pub bind_group: wgpu::BindGroup,
    pub grid: Grid,
}

impl Dispatch {
    pub fn record(&self, pass: &mut wgpu::ComputePass<'_>, t: u32) {
        let (x, y, z) = self.grid.size(t);
        if x == 0 || y == 0 {
            return;
        }
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bind_group, &[]);
        pass.dispatch_workgroups(x, y, z);
    }
}

/// A product with a weight matrix, per part of the matrix: the decode (matvec) and prefill
/// (matmul) kernels share one bind group, and the token count picks the kernel at record time.
pub(crate) struct LinearOp {
    pub parts: Vec<(wgpu::BindGroup, u32)>,
    pub matvec: Arc<wgpu::ComputePipeline>,
    pub matmul: Arc<wgpu::ComputePipeline>,
    /// The op always sees a single input row (the lm_head after a last-row norm).
    pub single: bool,
}

impl LinearOp {
    pub fn record(&self, pass: &mut wgpu::ComputePass<'_>, t: u32) {
        let single = self.single || t == 1;
        for (bg, rows) in &self.parts {
            if single {
                pass.set_pipeline(&self.matvec);
                pass.set_bind_group(0, bg, &[]);
                pass.dispatch_workgroups(rows.div_ceil(8), 1, 1);
            } else {
                pass.set_pipeline(&self.matmul);
                pass.set_bind_group(0, bg, &[]);
                pass.dispatch_workgroups(rows.div_ceil(64), t.div_ceil(32), 1);
            }
        }
    }
}
