//! The one place that decides CPU or GPU, and the handful of operations the engine needs from
//! either: feed ids (logits of the last or of every position), pick greedily, truncate the KV
//! cache, read the final-norm hidden states of cached positions.
use std::sync::Arc;

use tandem_core::{Cache, Config, Logits, Model, Weights};
use tandem_gpu::{Gpu, GpuError, GpuModel, GpuOptions, KernelTime, ModelOptions, Pick};

use crate::error::{Error, Result};

/// Which engine to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BackendChoice {
    /// The GPU when an adapter exists and takes the model, the CPU otherwise.
    #[default]
    Auto,
    Gpu,
    Cpu,
}

/// Which engine runs now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Gpu,
    Cpu,
    /// The GPU device was lost; [`crate::Engine::use_cpu`] brings the engine back.
    Lost,
}

impl BackendKind {
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Gpu => "webgpu",
            BackendKind::Cpu => "cpu",
            BackendKind::Lost => "lost",
        }
    }
}

#[derive(Debug, Clone)]
pub struct EngineOptions {
    pub backend: BackendChoice,
    /// With `Auto`, take an adapter that runs on the CPU (lavapipe, SwiftShader, WARP). They
    /// run the same kernels far slower than tandem-core's CPU path (docs/BENCHMARKS.md): a
    /// server says no; a browser, which has no faster path than its wasm CPU engine, says yes.
    pub allow_cpu_adapter: bool,
    pub gpu: GpuOptions,
    pub model: ModelOptions,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            backend: BackendChoice::Auto,
            allow_cpu_adapter: true,
            gpu: GpuOptions::default(),
            model: ModelOptions::default(),
        }
    }
}

pub(crate) enum Backend {
    Gpu(Box<GpuModel>),
    Cpu {
        model: Box<Model>,
        cache: Cache,
        /// Final-norm hidden state of every cached position, row-major (positions × hidden).
        hidden: Vec<f32>,
    },
    Lost,
}

/// What loading chose.
pub(crate) struct Loaded {
    pub backend: Backend,
    pub adapter: Option<String>,
    pub fallback_reason: Option<String>,
}

impl Backend {
    pub async fn load(weights: &mut Weights, cfg: &Config, opts: &EngineOptions) -> Result<Loaded> {
        let cpu = |weights: &mut Weights, reason: Option<String>| -> Result<Loaded> {
            Ok(Loaded {
                backend: Self::cpu(weights, cfg)?,
                adapter: None,
                fallback_reason: reason,
            })
        };
        match opts.backend {
            BackendChoice::Cpu => cpu(weights, None),
            BackendChoice::Gpu => Self::gpu(weights, cfg, opts, true).await,
            BackendChoice::Auto => {
                match Self::gpu(weights, cfg, opts, opts.allow_cpu_adapter).await {
                    Ok(l) => Ok(l),
                    // A bad model is bad on the CPU too: say so rather than retry. (A shape only
                    // the GPU kernels cannot run is `GpuError::Unsupported`: the CPU takes it.)
                    Err(Error::Core(e)) if !matches!(e, tandem_core::Error::Unsupported { .. }) => {
                        Err(Error::Core(e))
                    }
                    Err(e) => cpu(weights, Some(e.to_string())),
                }
            }
        }
    }

    pub fn cpu(weights: &mut Weights, cfg: &Config) -> Result<Self> {
        let model = Model::load(weights, cfg)?;
        let cache = model.new_cache();
        Ok(Backend::Cpu {
            model: Box::new(model),
            cache,
            hidden: Vec::new(),
        })
    }

    async fn gpu(
        weights: &mut Weights,
        cfg: &Config,
        opts: &EngineOptions,
        allow_cpu_adapter: bool,
    ) -> Result<Loaded> {
        // `Arc` as tandem-gpu shares the device natively; on wasm32 (one thread) wgpu's handles
        // are not Send/Sync, which is fine there.
        #[allow(clippy::arc_with_non_send_sync)]
        let gpu = Arc::new(Gpu::with_options(&opts.gpu).await?);
        let adapter = gpu.describe();
        if !allow_cpu_adapter && gpu.is_cpu_adapter() {
            return Err(Error::Gpu(GpuError::NoAdapter(format!(
                "the only GPU adapter runs on the CPU ({adapter}): tandem-core is faster"
            ))));
        }
        let model = GpuModel::load(gpu, weights, cfg, &opts.model).await?;
        Ok(Loaded {
            backend: Backend::Gpu(Box::new(model)),
            adapter: Some(adapter),
            fallback_reason: None,
        })
    }

    pub fn kind(&self) -> BackendKind {
        match self {
            Backend::Gpu(_) => BackendKind::Gpu,
            Backend::Cpu { .. } => BackendKind::Cpu,
            Backend::Lost => BackendKind::Lost,
        }
    }

    pub fn max_context(&self, cfg: &Config) -> usize {
        match self {
            Backend::Gpu(m) => m.max_context(),
            _ => cfg.max_position_embeddings,
        }
    }

    /// Keeps the first `n` cached positions.
    pub fn truncate(&mut self, n: usize) {
        match self {
            Backend::Gpu(m) => m.truncate(n),
            Backend::Cpu {
                model,
                cache,
                hidden,
            } => {
                cache.truncate(n);
                hidden.truncate(n * model.config().hidden_size);
            }
            Backend::Lost => {}
        }
    }

    /// Feeds `ids` after the cached positions: logits of the last position, or of each
    /// (row-major, `ids.len() × vocab`).
    pub async fn logits(&mut self, ids: &[u32], which: Logits) -> Result<Vec<f32>> {
        match self {
            Backend::Gpu(m) => Ok(m.forward(ids, which).await?),
            Backend::Cpu {
                model,
                cache,
                hidden,
            } => {
                let (logits, h) = model.forward_with_hidden(ids, cache, which)?;
                hidden.extend(
                    h.flatten_all()
                        .and_then(|t| t.to_vec1::<f32>())
                        .map_err(cpu_err)?,
                );
                Ok(logits
                    .flatten_all()
                    .and_then(|t| t.to_vec1::<f32>())
                    .map_err(cpu_err)?)
            }
            Backend::Lost => Err(lost()),
        }
    }

    /// Feeds `ids` and picks the next token greedily; on the GPU the pick stays on the device
    /// as the next input, and `ids` may then be empty (`after_pick`: feed that pick).
    pub async fn greedy(&mut self, ids: &[u32], after_pick: bool) -> Result<Pick> {
        match self {
            Backend::Gpu(m) if after_pick && ids.len() == 1 => Ok(m.step_greedy().await?),
            Backend::Gpu(m) => Ok(m.prefill_greedy(ids).await?),
            // The engine takes this path on the GPU only.
            Backend::Cpu { .. } => Err(tandem_core::Error::InvalidParams(
                "greedy picks on the device need the GPU backend".into(),
            )
            .into()),
            Backend::Lost => Err(lost()),
        }
    }

    /// Final-norm hidden states of cached positions `start..end`, row-major.
    pub async fn hidden(&self, start: usize, end: usize) -> Result<Vec<f32>> {
        match self {
            Backend::Gpu(m) => Ok(m.hidden(start, end).await?),
            Backend::Cpu { model, hidden, .. } => {
                let h = model.config().hidden_size;
                hidden
                    .get(start * h..end * h)
                    .map(<[f32]>::to_vec)
                    .ok_or_else(|| {
                        tandem_core::Error::InvalidParams(format!(
                            "positions {start}..{end} are not cached"
                        ))
                        .into()
                    })
            }
            Backend::Lost => Err(lost()),
        }
    }

    /// Destroys the GPU device, as a driver reset would (tests of the CPU fallback).
    pub fn lose_device(&self) {
        if let Backend::Gpu(m) = self {
            m.gpu().destroy();
        }
    }

    /// Times one step feeding `ids` (GPU; `None` on the CPU): see `GpuModel::profile_step`.
    pub async fn gpu_profile(
        &mut self,
        ids: &[u32],
        one_pass: bool,
    ) -> Result<Option<Vec<KernelTime>>> {
        match self {
            Backend::Gpu(m) => Ok(Some(m.profile_step(ids, one_pass).await?)),
            _ => Ok(None),
        }
    }

    pub fn gpu_weight_bytes(&self) -> usize {
        match self {
            Backend::Gpu(m) => m.weight_bytes(),
            _ => 0,
        }
    }
}

fn cpu_err(e: tandem_core::candle_core::Error) -> Error {
    Error::Core(tandem_core::Error::Candle(e))
}

fn lost() -> Error {
    Error::Gpu(GpuError::DeviceLost(
        "the engine lost its GPU: call use_cpu() to continue on the CPU".into(),
    ))
}
