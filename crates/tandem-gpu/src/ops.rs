//! The uniform structs of the kernels (mirrors of the WGSL structs) and recorded dispatches:
//! a pipeline, its bind group (made once, at load) and how its grid follows the token count, and
//! the weight products, whose kernel (matvec or matmul) follows it too.
use std::sync::Arc;

use bytemuck::{Pod, Zeroable};

use crate::context::Gpu;
use crate::error::Result;
use crate::format::Format;
use crate::pipelines::{
    Defines, Kernel, ARGMAX, ARGMAX_MERGE, ATTENTION, ATTENTION_DECODE, ATTENTION_MERGE,
};

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
    /// The fused RMSNorm's epsilon (decode matvec with `Defines::norm`).
    pub eps: f32,
    /// Rows per workgroup of the cooperative matvec ([`MatParams::group_rows`]).
    pub group_rows: u32,
}

impl MatParams {
    /// Rows per workgroup of 256 threads in the cooperative decode matvec: 8 (32 threads per
    /// row), halved to 4 or 2 while the matrix would give fewer than 512 workgroups and each
    /// row's threads would still have two or more 8-weight chunks each. A large GPU needs
    /// hundreds of workgroups in flight to keep its memory busy: Qwen2.5-0.5B's down_proj
    /// (896 rows of 4864) gives 112 at 8 rows, 448 at 2.
    pub fn group_rows(rows: usize, cols: usize) -> u32 {
        let mut g = 8;
        while g > 2 && rows.div_ceil(g) < 512 && cols / 8 >= 2 * (256 / g) {
            g /= 2;
        }
        g as u32
    }
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
    /// Floats per token in the stacked q/k/v buffer.
    pub stride: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub struct AttnParams {
    pub n_heads: u32,
    pub n_kv: u32,
    pub head_dim: u32,
    pub scale: f32,
    /// Keys per split (a multiple of 64).
    pub split: u32,
    /// Floats between the output rows of two tokens (heads × head_dim, or more when padded
    /// for the output projection).
    pub out_stride: u32,
    /// Floats between the query rows of two tokens (q's heads, then k's and v's, in the stacked
    /// q/k/v product).
    pub q_stride: u32,
    /// GPU decode: up to this many splits, the output projection's matvec merges them as it
    /// reads its input (`Defines::merge`) and no merge dispatch runs; 0: never.
    pub fused_merge: u32,
}

impl AttnParams {
    /// Keys per split: decode over 4096 keys runs in 32 splits per head (288 workgroups at
    /// SmolLM2's 9 heads), enough to fill a large GPU; a short context stays one split, with no
    /// merge pass. Fixed (a long cache shortens the prefill chunk instead, see `Dims`): the
    /// row-wise kernel's loops over 128 keys × 256 dims stay under lavapipe's limit on a
    /// shader's loop iterations.
    pub const SPLIT: u32 = 128;

    /// Keys per split of the GPU decode kernel (attention_decode.wgsl, two threads a key): a
    /// short chain of loads per thread, and still 64 splits (576 workgroups on SmolLM2's 9
    /// heads) at 4096 keys.
    pub const DECODE_SPLIT: u32 = 64;

    /// Up to this many decode splits (512 keys), o_proj's matvec merges them itself
    /// ([`AttnParams::fused_merge`]): each of its workgroups reads every split's partials, cheap
    /// for a few and not for 64; the merge dispatch it saves costs ~7 µs on an H200.
    pub const FUSED_MERGE_SPLITS: u32 = 8;

    /// The largest input row (floats) o_proj's matvec holds in workgroup memory to merge into.
    pub const FUSED_MERGE_MAX_COLS: usize = 2048;

    /// Bytes of the partials of a step of `chunk` tokens over `keys` keys (room for a decode
    /// step's smaller splits too).
    pub fn part_bytes(keys: usize, chunk: usize, heads: usize, head_dim: usize) -> usize {
        Self::prefill_part_bytes(keys, chunk, heads, head_dim)
            .max(keys.div_ceil(Self::DECODE_SPLIT as usize) * heads * (head_dim + 2) * 4)
    }

    /// The partials of a prefill step alone: what bounds the prefill chunk.
    pub fn prefill_part_bytes(keys: usize, chunk: usize, heads: usize, head_dim: usize) -> usize {
        chunk * keys.div_ceil(Self::SPLIT as usize) * heads * (head_dim + 2) * 4
    }
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

/// Where dispatches are recorded: a compute pass (every step), or the profiler, which gives
/// each dispatch its own pass with GPU timestamps around it (`crate::profile`).
pub(crate) trait Sink {
    /// `label`: what the profile reports the dispatch as (its kernel, and a product's weight).
    fn dispatch(
        &mut self,
        label: &'static str,
        pipeline: &wgpu::ComputePipeline,
        bind_group: &wgpu::BindGroup,
        grid: (u32, u32, u32),
    );
}

impl Sink for wgpu::ComputePass<'_> {
    fn dispatch(
        &mut self,
        _label: &'static str,
        pipeline: &wgpu::ComputePipeline,
        bind_group: &wgpu::BindGroup,
        (x, y, z): (u32, u32, u32),
    ) {
        self.set_pipeline(pipeline);
        self.set_bind_group(0, bind_group, &[]);
        self.dispatch_workgroups(x, y, z);
    }
}

pub struct Dispatch {
    /// The kernel's name (what a profile reports).
    pub label: &'static str,
    pub pipeline: Arc<wgpu::ComputePipeline>,
    pub bind_group: wgpu::BindGroup,
    pub grid: Grid,
}

impl Dispatch {
    /// `kernel` (for weight `format`, in the variant of `defines`) over `buffers`.
    pub fn new(
        gpu: &Gpu,
        kernel: &Kernel,
        format: Option<Format>,
        defines: Defines,
        buffers: &[&wgpu::Buffer],
        grid: Grid,
    ) -> Result<Self> {
        Ok(Self {
            label: kernel.name,
            pipeline: gpu.pipeline(kernel, format, defines)?,
            bind_group: gpu.bind_group(kernel, buffers),
            grid,
        })
    }

    pub(crate) fn record(&self, pass: &mut dyn Sink, t: u32) {
        self.record_grid(pass, self.grid.size(t));
    }

    /// Records the dispatch over `(x, y, z)` workgroups (nothing when one is 0).
    pub(crate) fn record_grid(&self, pass: &mut dyn Sink, (x, y, z): (u32, u32, u32)) {
        if x == 0 || y == 0 || z == 0 {
            return;
        }
        pass.dispatch(self.label, &self.pipeline, &self.bind_group, (x, y, z));
    }
}

/// Causal attention of a step: the split pass over heads × splits × tokens, then, when the
/// step's keys span more than one split, the merge over heads × tokens. The number of splits
/// follows the keys (`pos0 + t`), so it is chosen at record time, and so is the kernel: the
/// row-wise one (one invocation per token, head and split) on CPU adapters, and on GPUs for a
/// prefill step over more than [`AttendOp::ROWS_ABOVE_KEYS`] keys; the cooperative one (a
/// workgroup per token, head and split) for the other GPU steps.
pub(crate) struct AttendOp {
    pub rows: Dispatch,
    /// The cooperative kernel (`None` on CPU adapters).
    pub cooperative: Option<Dispatch>,
    pub merge: Dispatch,
    /// GPU decode: attention_decode.wgsl (rope fused in: the layer records no rope dispatch for
    /// a one-token step) in splits of [`AttnParams::DECODE_SPLIT`] keys, its merge, and its
    /// parameters (`None` on CPU adapters and for head dims it does not take).
    pub decode: Option<(Dispatch, Dispatch, wgpu::Buffer)>,
    /// Up to this many decode splits the output projection merges them (see
    /// [`AttnParams::fused_merge`]) and no merge is recorded here.
    pub fused_merge: u32,
    pub heads: u32,
    pub keys_per_split: u32,
}

/// The buffers attention binds: q (the stacked q/k/v product), the layer's K and V caches, the
/// output, the step uniform, the partials (sized by [`AttnParams::part_bytes`]) and rope's table
/// (GPU decode ropes the step's query and key itself).
pub(crate) struct AttendBuffers<'a> {
    pub q: &'a wgpu::Buffer,
    pub rope_table: &'a wgpu::Buffer,
    pub k_cache: &'a wgpu::Buffer,
    pub v_cache: &'a wgpu::Buffer,
    pub out: &'a wgpu::Buffer,
    pub step: &'a wgpu::Buffer,
    pub part: &'a wgpu::Buffer,
}

impl AttendOp {
    /// A GPU prefill step over more keys runs the row-wise kernel. The cooperative kernel reads
    /// a split's keys and values once per token (for 128 tokens over 512 keys on SmolLM2's
    /// shapes, 300 MB per layer), the row-wise one once per 64 tokens, but each of its
    /// invocations walks its split alone: fewer, longer-running threads, which pays only once
    /// the re-reads dominate.
    pub const ROWS_ABOVE_KEYS: u32 = 512;

    pub fn new(gpu: &Gpu, defines: Defines, p: &AttnParams, b: AttendBuffers) -> Result<Self> {
        let params = gpu.uniform("attn-params", p);
        // The grid follows the keys (see `record`): the one given here is unused.
        let dispatch = |kernel: &Kernel, buffers: &[&wgpu::Buffer]| {
            Dispatch::new(gpu, kernel, None, defines, buffers, Grid::Fixed(0))
        };
        let split_buffers = [&params, b.q, b.k_cache, b.v_cache, b.out, b.step, b.part];
        let rowwise = Defines {
            rowwise: true,
            wide: !defines.rowwise,
            ..defines
        };
        let decode = match !defines.rowwise && Self::decode_takes(p) {
            false => None,
            true => {
                let dp = gpu.uniform(
                    "attn-decode-params",
                    &AttnParams {
                        split: AttnParams::DECODE_SPLIT,
                        ..*p
                    },
                );
                let buffers = [
                    &dp,
                    b.q,
                    b.k_cache,
                    b.v_cache,
                    b.out,
                    b.step,
                    b.part,
                    b.rope_table,
                ];
                Some((
                    dispatch(&ATTENTION_DECODE, &buffers)?,
                    dispatch(&ATTENTION_MERGE, &[&dp, b.part, b.out, b.step])?,
                    dp,
                ))
            }
        };
        Ok(Self {
            rows: Dispatch::new(
                gpu,
                &ATTENTION,
                None,
                rowwise,
                &split_buffers,
                Grid::Fixed(0),
            )?,
            cooperative: match defines.rowwise {
                true => None,
                false => Some(dispatch(&ATTENTION, &split_buffers)?),
            },
            merge: dispatch(&ATTENTION_MERGE, &[&params, b.part, b.out, b.step])?,
            // Only the decode kernel writes partials that o_proj can merge.
            fused_merge: match decode {
                Some(_) => p.fused_merge,
                None => 0,
            },
            decode,
            heads: p.n_heads,
            keys_per_split: p.split,
        })
    }

    /// attention_decode.wgsl reads q/k/v and the caches in chunks of 4 dims (rotating halves of
    /// whole chunks), and holds q's head in 64 of them.
    fn decode_takes(p: &AttnParams) -> bool {
        p.head_dim.is_multiple_of(8) && p.head_dim <= 256 && p.q_stride.is_multiple_of(4)
    }

    /// Whether a one-token step ropes its query and key here (the layer then skips rope).
    pub fn ropes_decode(&self) -> bool {
        self.decode.is_some()
    }

    /// The decode kernel's parameters (what o_proj's merging matvec binds).
    pub fn decode_params(&self) -> Option<&wgpu::Buffer> {
        self.decode.as_ref().map(|(_, _, p)| p)
    }

    pub fn record(&self, pass: &mut dyn Sink, t: u32, pos0: u32) {
        if let (Some((d, merge, _)), 1) = (&self.decode, t) {
            let splits = (pos0 + 1).div_ceil(AttnParams::DECODE_SPLIT);
            d.record_grid(pass, (self.heads, splits, 1));
            if splits > self.fused_merge.max(1) {
                merge.record_grid(pass, (self.heads, 1, 1));
            }
            return;
        }
        let splits = (pos0 + t).div_ceil(self.keys_per_split);
        // The row-wise kernel's workgroups: 64 invocations on GPUs, 8 on CPU adapters.
        let wg = if self.cooperative.is_some() { 64 } else { 8 };
        match (&self.cooperative, t) {
            (Some(d), 1) => d.record_grid(pass, (self.heads, splits, 1)),
            (Some(d), _) if pos0 + t <= Self::ROWS_ABOVE_KEYS => {
                d.record_grid(pass, (self.heads, splits, t))
            }
            (_, 1) => self
                .rows
                .record_grid(pass, ((self.heads * splits).div_ceil(wg), 1, 1)),
            _ => self
                .rows
                .record_grid(pass, (t.div_ceil(wg), splits, self.heads)),
        }
        if splits > 1 {
            self.merge.record_grid(pass, (self.heads, t, 1));
        }
    }
}

/// The greedy pick over a row of `n` logits: [`ArgmaxOp::GROUPS`] workgroups over slices of the
/// vocabulary, then one merge into the 16-byte result.
pub(crate) struct ArgmaxOp {
    pub slices: Dispatch,
    pub merge: Dispatch,
}

/// Mirror of argmax.wgsl's `ArgmaxParams`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
struct ArgmaxParams {
    n: u32,
    chunk: u32,
    _pad: [u32; 2],
}

impl ArgmaxOp {
    /// Slices of the vocabulary, read at once: 49 152 entries → 768 per workgroup.
    pub const GROUPS: u32 = 64;

    /// `part`: [`Self::GROUPS`] × 16 bytes; `result`: 16 bytes.
    pub fn new(
        gpu: &Gpu,
        defines: Defines,
        n: u32,
        logits: &wgpu::Buffer,
        part: &wgpu::Buffer,
        result: &wgpu::Buffer,
    ) -> Result<Self> {
        let chunk = n.div_ceil(Self::GROUPS).max(1);
        let params = gpu.uniform(
            "argmax-params",
            &ArgmaxParams {
                n,
                chunk,
                _pad: [0; 2],
            },
        );
        let groups = Grid::Fixed(n.div_ceil(chunk));
        Ok(Self {
            slices: Dispatch::new(
                gpu,
                &ARGMAX,
                None,
                defines,
                &[&params, logits, part],
                groups,
            )?,
            merge: Dispatch::new(
                gpu,
                &ARGMAX_MERGE,
                None,
                defines,
                &[&params, part, result],
                Grid::Fixed(1),
            )?,
        })
    }

    pub fn record(&self, pass: &mut dyn Sink) {
        self.slices.record(pass, 1);
        self.merge.record(pass, 1);
    }
}

/// A product with a weight matrix, per part of the matrix: the decode (matvec) and prefill
/// (matmul) kernels share one bind group, and the token count picks the kernel at record time.
pub(crate) struct LinearOp {
    /// Per part of the matrix: its bind group, rows, and the cooperative matvec's workgroups.
    pub parts: Vec<(wgpu::BindGroup, u32, u32)>,
    pub matvec: Arc<wgpu::ComputePipeline>,
    pub matmul: Arc<wgpu::ComputePipeline>,
    /// The op always sees a single input row (the lm_head after a last-row norm).
    pub single: bool,
    /// "matvec q_proj", "matmul q_proj": what a profile reports.
    pub labels: [&'static str; 2],
    /// Decode with the input's prologue fused in (`Defines::norm`: the RMSNorm before the
    /// product, from the residual stream; `Defines::silu`: silu(gate) · up from the stacked
    /// gate/up product), one bind group per part.
    pub fused: Option<(Vec<wgpu::BindGroup>, Arc<wgpu::ComputePipeline>)>,
    /// The matvec is the row-wise kernel (CPU adapters).
    pub rowwise: bool,
    /// The prefill matmul in 64 × 64 tiles (GPUs; see [`LinearOp::WIDE_MIN_GROUPS`]).
    pub matmul_wide: Option<Arc<wgpu::ComputePipeline>>,
}

impl LinearOp {
    /// A prefill product runs in 64 × 64 tiles (`Defines::wide`) where they still give this
    /// many workgroups: enough to fill a large GPU (an H200 has 132 multiprocessors), so the
    /// larger tile's reuse is not paid for with idle ones. At 128 tokens that is a matrix of
    /// 4096 rows or more (Qwen2.5-0.5B's stacked gate/up, a vocabulary); SmolLM2-135M's
    /// products keep the 64 × 32 tiles.
    pub const WIDE_MIN_GROUPS: u32 = 128;

    pub(crate) fn record(&self, pass: &mut dyn Sink, t: u32) {
        let single = self.single || t == 1;
        if let (Some((groups, pipeline)), 1, false) = (&self.fused, t, self.single) {
            for (bg, (_, _, wgs)) in groups.iter().zip(&self.parts) {
                pass.dispatch(self.labels[0], pipeline, bg, (*wgs, 1, 1));
            }
            return;
        }
        for (bg, rows, wgs) in &self.parts {
            if single {
                // The row-wise matvec: one row per invocation, 8 per workgroup.
                let x = if self.rowwise { rows.div_ceil(8) } else { *wgs };
                pass.dispatch(self.labels[0], &self.matvec, bg, (x, 1, 1));
            } else {
                let (pipeline, per) = match &self.matmul_wide {
                    Some(w) if rows.div_ceil(64) * t.div_ceil(64) >= Self::WIDE_MIN_GROUPS => {
                        (w, 64)
                    }
                    _ => (&self.matmul, 32),
                };
                let grid = (rows.div_ceil(64), t.div_ceil(per), 1);
                pass.dispatch(self.labels[1], pipeline, bg, grid);
            }
        }
    }
}
