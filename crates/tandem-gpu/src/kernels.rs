//! Each kernel on its own: upload inputs, one dispatch, read the output back. What the kernel
//! tests (native on lavapipe, wasm in Chromium) compare with the CPU reference; also handy for
//! trying a kernel on a new adapter.
use tandem_core::RawTensor;

use crate::context::Gpu;
use crate::error::Result;
use crate::matrix::Matrix;
use crate::model::Pick;
use crate::ops::*;
use crate::pipelines::{self as k, Defines};

fn bytes(v: &[f32]) -> Vec<u8> {
    bytemuck::cast_slice(v).to_vec()
}

async fn read_f32(
    gpu: &Gpu,
    enc: wgpu::CommandEncoder,
    buf: &wgpu::Buffer,
    n: usize,
) -> Result<Vec<f32>> {
    let mut enc = enc;
    let size = (n as u64 * 4).max(4);
    let staging = gpu.staging("read", size);
    enc.copy_buffer_to_buffer(buf, 0, &staging, 0, size.next_multiple_of(4));
    gpu.queue.submit([enc.finish()]);
    let b = gpu.read(&staging, size).await?;
    Ok(bytemuck::cast_slice::<u8, f32>(&b)[..n].to_vec())
}

fn step(gpu: &Gpu, n_tokens: usize, pos0: usize) -> wgpu::Buffer {
    gpu.uniform(
        "step",
        &Step {
            n_tokens: n_tokens as u32,
            pos0: pos0 as u32,
            _pad: [0; 2],
        },
    )
}

/// Rows of several matrices side by side (`rows` rows each): the layout of a stacked product's
/// output (per token, q then k then v; gate then up).
fn side_by_side(mats: &[&[f32]], rows: usize) -> Vec<f32> {
    (0..rows)
        .flat_map(|r| {
            mats.iter().flat_map(move |m| {
                let w = m.len() / rows;
                m[r * w..(r + 1) * w].iter().copied()
            })
        })
        .collect()
}

fn run(enc: &mut wgpu::CommandEncoder, d: &Dispatch, t: u32) {
    let mut pass = enc.begin_compute_pass(&Default::default());
    d.record(&mut pass, t);
}

/// Which matrix kernel to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatKernel {
    Matvec,
    Matmul,
}

/// `out[m] = x[m] · Wᵀ (+ bias) (+ acc[m])` for `m` input rows, W split into parts as the
/// device requires. `acc`, when given, is the initial output (the residual-add path).
#[allow(clippy::too_many_arguments)]
pub async fn linear(
    gpu: &Gpu,
    w: &RawTensor,
    x: &[f32],
    m: usize,
    bias: Option<&[f32]>,
    acc: Option<&[f32]>,
    kernel: MatKernel,
    defines: Defines,
) -> Result<Vec<f32>> {
    linear_with(gpu, w, x, m, bias, acc, kernel, defines, Input::Plain).await
}

/// What the matvec computes from its input first (see [`linear_with`]).
enum Input<'a> {
    Plain,
    /// RMSNorm with this weight and eps.
    Norm(&'a [f32], f32),
    /// Attention's splits merged (o_proj in GPU decode): the partials, the decode attention's
    /// parameters, the step's position.
    Merge(&'a [f32], AttnParams, usize),
}

/// The decode matvec with the RMSNorm before it fused in (what a GPU decode step runs for
/// q/k/v and gate/up): `rmsnorm(x) · weight · Wᵀ` for one row `x`.
pub async fn matvec_norm(
    gpu: &Gpu,
    w: &RawTensor,
    x: &[f32],
    weight: &[f32],
    eps: f32,
    defines: Defines,
) -> Result<Vec<f32>> {
    let d = Defines {
        norm: true,
        rowwise: false,
        ..defines
    };
    linear_with(
        gpu,
        w,
        x,
        1,
        None,
        None,
        MatKernel::Matvec,
        d,
        Input::Norm(weight, eps),
    )
    .await
}

/// The decode matvec of o_proj that merges attention's splits as it reads (GPU decode at a
/// short context): `merged(part) · Wᵀ`, where `part` holds per head and split (max, sum,
/// head_dim unnormalised values) as attention_decode.wgsl writes them for a step at `pos0`
/// with `p.split` keys a split; `x` (attention's output) is read instead where the step has
/// one split or more than `p.fused_merge`.
pub async fn matvec_merge(
    gpu: &Gpu,
    w: &RawTensor,
    x: &[f32],
    part: &[f32],
    p: AttnParams,
    pos0: usize,
    defines: Defines,
) -> Result<Vec<f32>> {
    let d = Defines {
        merge: true,
        rowwise: false,
        ..defines
    };
    let input = Input::Merge(part, p, pos0);
    linear_with(gpu, w, x, 1, None, None, MatKernel::Matvec, d, input).await
}

/// The decode matvec with silu(gate) · up computed as it reads (what a GPU decode step runs
/// for down_proj): `(silu(gate) · up) · Wᵀ` for one row, gate and up given side by side as the
/// stacked gate/up product writes them. `gate.len()` is W's column count, a multiple of 32.
pub async fn matvec_silu(
    gpu: &Gpu,
    w: &RawTensor,
    gate: &[f32],
    up: &[f32],
    defines: Defines,
) -> Result<Vec<f32>> {
    let d = Defines {
        silu: true,
        rowwise: false,
        ..defines
    };
    let x = side_by_side(&[gate, up], 1);
    linear_with(
        gpu,
        w,
        &x,
        1,
        None,
        None,
        MatKernel::Matvec,
        d,
        Input::Plain,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn linear_with(
    gpu: &Gpu,
    w: &RawTensor,
    x: &[f32],
    m: usize,
    bias: Option<&[f32]>,
    acc: Option<&[f32]>,
    kernel: MatKernel,
    defines: Defines,
    input: Input<'_>,
) -> Result<Vec<f32>> {
    let mat = Matrix::upload(gpu, "w", w)?;
    let (rows, cols) = (mat.rows, mat.cols);
    // The input rows padded with zeros as the matrix's columns were.
    let real_cols = w.shape.get(1).copied().unwrap_or(cols);
    let padded: Vec<f32> = x
        .chunks(real_cols.max(1))
        .flat_map(|r| {
            r.iter()
                .copied()
                .chain(std::iter::repeat_n(0.0, cols - real_cols))
        })
        .collect();
    let xb = gpu.storage_init("x", &bytes(&padded))?;
    let out = match acc {
        Some(a) => gpu.storage_init("out", &bytes(a))?,
        None => gpu.storage("out", (m * rows * 4) as u64)?,
    };
    let bb = gpu.storage_init("bias", &bytes(bias.unwrap_or(&[0.0])))?;
    let (kern, pos0, eps) = match (kernel, &input) {
        (MatKernel::Matvec, Input::Norm(_, eps)) => (&k::MATVEC_NORM, 0, *eps),
        (MatKernel::Matvec, Input::Merge(_, _, pos0)) => (&k::MATVEC_MERGE, *pos0, 0.0),
        (MatKernel::Matvec, Input::Plain) => (&k::MATVEC, 0, 0.0),
        (MatKernel::Matmul, _) => (&k::MATMUL, 0, 0.0),
    };
    let st = step(gpu, m, pos0);
    // Bindings 6 and 7 of the fused variants: the norm weight, or the partials and parameters.
    let extra = match &input {
        Input::Plain => Vec::new(),
        Input::Norm(g, _) => vec![gpu.storage_init("g", &bytes(g))?],
        Input::Merge(part, p, _) => vec![
            gpu.storage_init("part", &bytes(part))?,
            gpu.uniform("attn-params", p),
        ],
    };
    let pipeline = gpu.pipeline(kern, Some(mat.format), defines)?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    for part in &mat.parts {
        let mut flags = 0;
        if bias.is_some() {
            flags |= FLAG_BIAS;
        }
        if acc.is_some() {
            flags |= FLAG_ACCUMULATE;
        }
        let params = gpu.uniform(
            "p",
            &MatParams {
                rows: part.rows as u32,
                cols: cols as u32,
                out_stride: rows as u32,
                row_offset: part.row_start as u32,
                flags,
                m_fixed: 0,
                eps,
                group_rows: MatParams::group_rows(part.rows, cols),
            },
        );
        let mut buffers = vec![&params, &part.buffer, &xb, &out, &bb, &st];
        buffers.extend(&extra);
        let bind_group = gpu.bind_group(kern, &buffers);
        let grid = match kernel {
            MatKernel::Matvec if defines.rowwise => Grid::Fixed((part.rows as u32).div_ceil(8)),
            MatKernel::Matvec => {
                Grid::Fixed((part.rows as u32).div_ceil(MatParams::group_rows(part.rows, cols)))
            }
            MatKernel::Matmul if defines.wide => {
                Grid::TokenTiles((part.rows as u32).div_ceil(64), 64)
            }
            MatKernel::Matmul => Grid::TokenTiles((part.rows as u32).div_ceil(64), 32),
        };
        let d = Dispatch {
            label: kern.name,
            pipeline: pipeline.clone(),
            bind_group,
            grid,
        };
        run(&mut enc, &d, m as u32);
    }
    read_f32(gpu, enc, &out, m * rows).await
}

/// Rows `ids` of the embedding matrix `w`.
pub async fn embed(gpu: &Gpu, w: &RawTensor, ids: &[u32], defines: Defines) -> Result<Vec<f32>> {
    let mat = Matrix::upload(gpu, "embed", w)?;
    let cols = mat.cols;
    let idb = gpu.storage_init("ids", bytemuck::cast_slice(ids))?;
    let out = gpu.storage("out", (ids.len() * cols * 4) as u64)?;
    let st = step(gpu, ids.len(), 0);
    let pipeline = gpu.pipeline(&k::EMBED, Some(mat.format), defines)?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    for part in &mat.parts {
        let params = gpu.uniform(
            "p",
            &EmbedParams {
                cols: cols as u32,
                row_start: part.row_start as u32,
                rows: part.rows as u32,
                _pad: 0,
            },
        );
        let d = Dispatch {
            label: k::EMBED.name,
            pipeline: pipeline.clone(),
            bind_group: gpu.bind_group(&k::EMBED, &[&params, &part.buffer, &idb, &out, &st]),
            grid: Grid::PerToken(((cols / 8) as u32).div_ceil(64)),
        };
        run(&mut enc, &d, ids.len() as u32);
    }
    read_f32(gpu, enc, &out, ids.len() * cols).await
}

/// RMSNorm of each `dim`-row of `x`.
pub async fn rmsnorm(gpu: &Gpu, x: &[f32], weight: &[f32], eps: f32) -> Result<Vec<f32>> {
    let dim = weight.len();
    let rows = x.len() / dim;
    let params = gpu.uniform(
        "p",
        &NormParams {
            dim: dim as u32,
            eps,
            last_only: 0,
            _pad: 0,
        },
    );
    let xb = gpu.storage_init("x", &bytes(x))?;
    let wb = gpu.storage_init("w", &bytes(weight))?;
    let out = gpu.storage("out", (x.len() * 4) as u64)?;
    let st = step(gpu, rows, 0);
    let d = Dispatch::new(
        gpu,
        &k::RMSNORM,
        None,
        gpu.defines(),
        &[&params, &xb, &wb, &out, &st],
        Grid::PerToken(1),
    )?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    run(&mut enc, &d, rows as u32);
    read_f32(gpu, enc, &out, x.len()).await
}

/// Shapes of an attention step: `t` new tokens at positions `pos0..pos0 + t`.
#[derive(Debug, Clone, Copy)]
pub struct AttnShape {
    pub n_heads: usize,
    pub n_kv: usize,
    pub head_dim: usize,
    pub pos0: usize,
    pub t: usize,
}

/// RoPE with the cos/sin `table` (`[pos][head_dim / 2]` of (cos, sin)): returns rotated q and
/// the K and V caches (capacity `pos0 + t`, earlier rows zero) with the new rows written.
pub async fn rope(
    gpu: &Gpu,
    s: AttnShape,
    table: &[f32],
    q: &[f32],
    k: &[f32],
    v: &[f32],
) -> Result<(Vec<f32>, Vec<f32>, Vec<f32>)> {
    let kvd = s.n_kv * s.head_dim;
    let cap = (s.pos0 + s.t) * kvd;
    let params = gpu.uniform(
        "p",
        &RopeParams {
            n_heads: s.n_heads as u32,
            n_kv: s.n_kv as u32,
            head_dim: s.head_dim as u32,
            stride: ((s.n_heads + 2 * s.n_kv) * s.head_dim) as u32,
        },
    );
    let qkv = side_by_side(&[q, k, v], s.t);
    let qkv_b = gpu.storage_init("qkv", &bytes(&qkv))?;
    let kc = gpu.storage_init("kc", &bytes(&vec![0.0; cap]))?;
    let vc = gpu.storage_init("vc", &bytes(&vec![0.0; cap]))?;
    let tb = gpu.storage_init("table", &bytes(table))?;
    let st = step(gpu, s.t, s.pos0);
    let half = s.head_dim / 2;
    let d = Dispatch::new(
        gpu,
        &k::ROPE,
        None,
        gpu.defines(),
        &[&params, &qkv_b, &kc, &vc, &tb, &st],
        Grid::PerToken((((s.n_heads + s.n_kv) * half) as u32).div_ceil(64)),
    )?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    run(&mut enc, &d, s.t as u32);
    let qkv_out = read_f32(gpu, enc, &qkv_b, qkv.len()).await?;
    let q_row = q.len() / s.t;
    let q_out = qkv_out
        .chunks_exact(qkv.len() / s.t)
        .flat_map(|r| r[..q_row].iter().copied())
        .collect();
    let enc = gpu.device.create_command_encoder(&Default::default());
    let k_out = read_f32(gpu, enc, &kc, cap).await?;
    let enc = gpu.device.create_command_encoder(&Default::default());
    let v_out = read_f32(gpu, enc, &vc, cap).await?;
    Ok((q_out, k_out, v_out))
}

/// Causal attention of `t` queries (`[t][n_heads][head_dim]`) over caches holding `pos0 + t`
/// positions (`[pos][n_kv][head_dim]`), in splits of [`AttnParams::SPLIT`] keys.
pub async fn attention(
    gpu: &Gpu,
    s: AttnShape,
    q: &[f32],
    k_cache: &[f32],
    v_cache: &[f32],
) -> Result<Vec<f32>> {
    attention_split(
        gpu,
        s,
        AttnParams::SPLIT as usize,
        gpu.defines(),
        q,
        k_cache,
        v_cache,
    )
    .await
}

/// [`attention`] in splits of `split` keys (a multiple of 64), with the kernel variant of
/// `defines` (row-wise or cooperative; with `kv_f16` the caches are stored as f16, packed in
/// u32 where `f16` is off: the same bytes). The queries go in as the model has them, in the
/// stacked q/k/v product with the step's own keys and values, and rope's table is the identity:
/// GPU decode (attention_decode.wgsl) ropes the step's query and key itself and writes the key
/// and value into the cache.
pub async fn attention_split(
    gpu: &Gpu,
    s: AttnShape,
    split: usize,
    defines: Defines,
    q: &[f32],
    k_cache: &[f32],
    v_cache: &[f32],
) -> Result<Vec<f32>> {
    let (qd, kvd) = (s.n_heads * s.head_dim, s.n_kv * s.head_dim);
    let p = AttnParams {
        n_heads: s.n_heads as u32,
        n_kv: s.n_kv as u32,
        head_dim: s.head_dim as u32,
        scale: 1.0 / (s.head_dim as f32).sqrt(),
        split: split as u32,
        out_stride: qd as u32,
        q_stride: (qd + 2 * kvd) as u32,
        fused_merge: 0,
    };
    let keys = s.pos0 + s.t;
    let qkv: Vec<f32> = (0..s.t)
        .flat_map(|i| {
            let kv = (s.pos0 + i) * kvd..(s.pos0 + i + 1) * kvd;
            [&q[i * qd..(i + 1) * qd], &k_cache[kv.clone()], &v_cache[kv]].concat()
        })
        .collect();
    let identity: Vec<f32> = (0..keys * s.head_dim / 2)
        .flat_map(|_| [1.0, 0.0])
        .collect();
    // The test's splits, or a GPU decode step's.
    let part_bytes = (s.t * keys.div_ceil(split))
        .max(keys.div_ceil(AttnParams::DECODE_SPLIT as usize))
        * s.n_heads
        * (s.head_dim + 2)
        * 4;
    let qb = gpu.storage_init("qkv", &bytes(&qkv))?;
    let table = gpu.storage_init("rope-table", &bytes(&identity))?;
    // The caches as the variant stores them (f16 rounds them).
    let cache = |label: &str, v: &[f32]| {
        if defines.kv_f16 {
            let h: Vec<u16> = v
                .iter()
                .map(|x| half::f16::from_f32(*x).to_bits())
                .collect();
            gpu.storage_init(label, bytemuck::cast_slice(&h))
        } else {
            gpu.storage_init(label, &bytes(v))
        }
    };
    let kc = cache("kc", k_cache)?;
    let vc = cache("vc", v_cache)?;
    let out = gpu.storage("out", (q.len() * 4) as u64)?;
    let part = gpu.storage("part", part_bytes as u64)?;
    let st = step(gpu, s.t, s.pos0);
    let op = AttendOp::new(
        gpu,
        defines,
        &p,
        AttendBuffers {
            q: &qb,
            rope_table: &table,
            k_cache: &kc,
            v_cache: &vc,
            out: &out,
            step: &st,
            part: &part,
        },
    )?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    {
        let mut pass = enc.begin_compute_pass(&Default::default());
        op.record(&mut pass, s.t as u32, s.pos0 as u32);
    }
    read_f32(gpu, enc, &out, q.len()).await
}

/// `silu(gate) * up` for `rows` rows of `gate.len() / rows` (given to the kernel side by side,
/// as the stacked gate/up product writes them).
pub async fn silu_mul(gpu: &Gpu, gate: &[f32], up: &[f32], rows: usize) -> Result<Vec<f32>> {
    let dim = gate.len() / rows;
    let params = gpu.uniform(
        "p",
        &DimParams {
            dim: dim as u32,
            _pad: [0; 3],
        },
    );
    let gu = gpu.storage_init("gu", &bytes(&side_by_side(&[gate, up], rows)))?;
    let act = gpu.storage("act", (gate.len() * 4) as u64)?;
    let st = step(gpu, rows, 0);
    let d = Dispatch::new(
        gpu,
        &k::SILU_MUL,
        None,
        gpu.defines(),
        &[&params, &gu, &act, &st],
        Grid::Elements(dim as u32),
    )?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    run(&mut enc, &d, rows as u32);
    read_f32(gpu, enc, &act, gate.len()).await
}

/// The greedy pick over `logits`.
pub async fn argmax(gpu: &Gpu, logits: &[f32]) -> Result<Pick> {
    let lb = gpu.storage_init("logits", &bytes(logits))?;
    let part = gpu.storage("part", u64::from(ArgmaxOp::GROUPS) * 16)?;
    let rb = gpu.storage("result", 16)?;
    let op = ArgmaxOp::new(gpu, gpu.defines(), logits.len() as u32, &lb, &part, &rb)?;
    let mut enc = gpu.device.create_command_encoder(&Default::default());
    {
        let mut pass = enc.begin_compute_pass(&Default::default());
        op.record(&mut pass);
    }
    let r = read_f32(gpu, enc, &rb, 4).await?;
    Ok(Pick {
        id: r[0].to_bits(),
        logprob: r[1],
        entropy: r[2],
    })
}
