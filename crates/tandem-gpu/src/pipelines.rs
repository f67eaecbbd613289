//! WGSL sources, a tiny `#if NAME / #else / #endif` preprocessor, and the pipeline cache keyed by
//! (kernel, weight format, defines). Bind group layouts are explicit, so one bind group serves
//! every variant of a kernel family (matvec and matmul share theirs).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::format::Format;

/// How a kernel sees one binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Uniform,
    Read,
    ReadWrite,
}

/// One `.wgsl` kernel and its binding slots (binding `i` = `slots[i]`).
#[derive(Debug, Clone, Copy)]
pub struct Kernel {
    pub name: &'static str,
    pub source: &'static str,
    pub slots: &'static [Slot],
}

use Slot::{Read as R, ReadWrite as W, Uniform as U};

pub const MATVEC: Kernel = Kernel {
    name: "matvec",
    source: include_str!("shaders/matvec.wgsl"),
    slots: &[U, R, R, W, R, U],
};
/// The decode matvec with the RMSNorm before it fused in (`Defines::norm`): binding 6 is the
/// norm weight, binding 2 the residual stream.
pub const MATVEC_NORM: Kernel = Kernel {
    name: "matvec_norm",
    source: include_str!("shaders/matvec.wgsl"),
    slots: &[U, R, R, W, R, U, R],
};
/// The decode matvec of o_proj that merges attention's splits first (`Defines::merge`): binding
/// 6 is attention's partials, 7 the decode attention's parameters.
pub const MATVEC_MERGE: Kernel = Kernel {
    name: "matvec_merge",
    source: include_str!("shaders/matvec.wgsl"),
    slots: &[U, R, R, W, R, U, R, U],
};
pub const MATMUL: Kernel = Kernel {
    name: "matmul",
    source: include_str!("shaders/matmul.wgsl"),
    slots: &[U, R, R, W, R, U],
};
pub const EMBED: Kernel = Kernel {
    name: "embed",
    source: include_str!("shaders/embed.wgsl"),
    slots: &[U, R, R, W, U],
};
pub const RMSNORM: Kernel = Kernel {
    name: "rmsnorm",
    source: include_str!("shaders/rmsnorm.wgsl"),
    slots: &[U, R, R, W, U],
};
pub const ROPE: Kernel = Kernel {
    name: "rope",
    source: include_str!("shaders/rope.wgsl"),
    slots: &[U, W, W, W, R, U],
};
pub const ATTENTION: Kernel = Kernel {
    name: "attention",
    source: concat!(
        include_str!("shaders/attention_splits.wgsl"),
        include_str!("shaders/attention.wgsl")
    ),
    slots: &[U, R, R, R, W, U, W],
};
/// GPU decode attention with rope fused in (one token; head dims a multiple of 8 up to 256):
/// ATTENTION's bindings with the caches writable, and rope's table at 7.
pub const ATTENTION_DECODE: Kernel = Kernel {
    name: "attention_decode",
    source: concat!(
        include_str!("shaders/attention_splits.wgsl"),
        include_str!("shaders/attention_decode.wgsl")
    ),
    slots: &[U, R, W, W, W, U, W, R],
};
pub const ATTENTION_MERGE: Kernel = Kernel {
    name: "attention_merge",
    source: include_str!("shaders/attention_merge.wgsl"),
    slots: &[U, R, W, U],
};
pub const SILU_MUL: Kernel = Kernel {
    name: "silu_mul",
    source: include_str!("shaders/silu_mul.wgsl"),
    slots: &[U, R, W, U],
};
pub const ARGMAX: Kernel = Kernel {
    name: "argmax",
    source: include_str!("shaders/argmax.wgsl"),
    slots: &[U, R, W],
};
pub const ARGMAX_MERGE: Kernel = Kernel {
    name: "argmax_merge",
    source: include_str!("shaders/argmax_merge.wgsl"),
    slots: &[U, R, W],
};

const COMMON: &str = include_str!("shaders/common.wgsl");

fn weights_source(f: Format) -> &'static str {
    match f {
        Format::F32 => include_str!("shaders/weights_f32.wgsl"),
        Format::F16 => include_str!("shaders/weights_f16.wgsl"),
        Format::Q8_0 => include_str!("shaders/weights_q8_0.wgsl"),
        Format::Q4_0 => include_str!("shaders/weights_q4_0.wgsl"),
    }
}

/// Shader variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Defines {
    pub subgroups: bool,
    pub f16: bool,
    /// Matvec and matmul with one invocation per weight row (no workgroup memory): faster on CPU
    /// adapters (SwiftShader, lavapipe), where a workgroup barrier is a context switch.
    pub rowwise: bool,
    /// Keys and values cached as f16 (packed in u32 without `f16`): half the bytes attention
    /// reads per key.
    pub kv_f16: bool,
    /// The matvec normalises its input (RMSNorm fused in; `MATVEC_NORM` only).
    pub norm: bool,
    /// The matvec's input is silu(gate) · up of the stacked gate/up product (down_proj).
    pub silu: bool,
    /// The matvec's input is attention's output, merged from its splits first where a decode
    /// step has a few (`MATVEC_MERGE` only: o_proj).
    pub merge: bool,
    /// Wider workgroups for GPUs: the row-wise attention kernel in workgroups of 64 (prefill)
    /// instead of 8, the prefill matmul in 64 × 64 tiles instead of 64 × 32.
    pub wide: bool,
}

impl Defines {
    fn is_set(&self, name: &str) -> Option<bool> {
        match name {
            "SUBGROUPS" => Some(self.subgroups),
            "F16" => Some(self.f16),
            "ROWWISE" => Some(self.rowwise),
            "KV_F16" => Some(self.kv_f16),
            "NORM" => Some(self.norm),
            "SILU" => Some(self.silu),
            "MERGE" => Some(self.merge),
            "WIDE" => Some(self.wide),
            _ => None,
        }
    }
}

/// Keeps the lines between `#if NAME` and `#else`/`#endif` when NAME is set, the others when not.
/// Unknown names and unbalanced directives are errors (they are bugs in a shader).
pub fn preprocess(src: &str, defines: &Defines) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(src.len());
    // (this branch taken, the enclosing block active)
    let mut stack: Vec<(bool, bool)> = Vec::new();
    let active = |stack: &[(bool, bool)]| stack.last().is_none_or(|&(t, outer)| t && outer);
    for line in src.lines() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix("#if ") {
            let v = defines
                .is_set(name.trim())
                .ok_or_else(|| format!("unknown define {name:?}"))?;
            let outer = active(&stack);
            stack.push((v, outer));
        } else if t == "#else" {
            let top = stack.last_mut().ok_or("#else without #if")?;
            top.0 = !top.0;
        } else if t == "#endif" {
            stack.pop().ok_or("#endif without #if")?;
        } else if active(&stack) {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !stack.is_empty() {
        return Err("#if without #endif".into());
    }
    Ok(out)
}

/// The full source of `kernel` for weight format `format` (if it reads weights).
pub fn source(kernel: &Kernel, format: Option<Format>, defines: &Defines) -> String {
    let mut s = String::new();
    // WGSL requires the directive; naga (native) rejects it and enables subgroups by feature.
    if defines.subgroups && cfg!(target_arch = "wasm32") {
        s.push_str("enable subgroups;\n");
    }
    if defines.f16 {
        s.push_str("enable f16;\n");
    }
    s.push_str(COMMON);
    if let Some(f) = format {
        s.push_str(weights_source(f));
    }
    s.push_str(kernel.source);
    s
}

type Key = (&'static str, Option<Format>, Defines);

#[derive(Default)]
pub struct Pipelines {
    pipelines: Mutex<HashMap<Key, Arc<wgpu::ComputePipeline>>>,
    layouts: Mutex<HashMap<&'static [Slot], Arc<wgpu::BindGroupLayout>>>,
}

impl Pipelines {
    pub fn layout(
        &self,
        device: &wgpu::Device,
        slots: &'static [Slot],
    ) -> Arc<wgpu::BindGroupLayout> {
        let mut layouts = self.layouts.lock().unwrap_or_else(|e| e.into_inner());
        layouts
            .entry(slots)
            .or_insert_with(|| {
                let entries: Vec<wgpu::BindGroupLayoutEntry> = slots
                    .iter()
                    .enumerate()
                    .map(|(i, s)| wgpu::BindGroupLayoutEntry {
                        binding: i as u32,
                        visibility: wgpu::ShaderStages::COMPUTE,
                        ty: wgpu::BindingType::Buffer {
                            ty: match s {
                                Slot::Uniform => wgpu::BufferBindingType::Uniform,
                                Slot::Read => wgpu::BufferBindingType::Storage { read_only: true },
                                Slot::ReadWrite => {
                                    wgpu::BufferBindingType::Storage { read_only: false }
                                }
                            },
                            has_dynamic_offset: false,
                            min_binding_size: None,
                        },
                        count: None,
                    })
                    .collect();
                Arc::new(
                    device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
                        label: None,
                        entries: &entries,
                    }),
                )
            })
            .clone()
    }

    pub fn get(
        &self,
        device: &wgpu::Device,
        kernel: &Kernel,
        format: Option<Format>,
        defines: Defines,
    ) -> std::result::Result<Arc<wgpu::ComputePipeline>, String> {
        let key = (kernel.name, format, defines);
        if let Some(p) = self
            .pipelines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(p.clone());
        }
        let text = preprocess(&source(kernel, format, &defines), &defines)?;
        let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(kernel.name),
            source: wgpu::ShaderSource::Wgsl(text.into()),
        });
        let bgl = self.layout(device, kernel.slots);
        let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some(kernel.name),
            bind_group_layouts: &[Some(&bgl)],
            immediate_size: 0,
        });
        let p = Arc::new(
            device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                label: Some(kernel.name),
                layout: Some(&layout),
                module: &module,
                entry_point: Some("main"),
                compilation_options: Default::default(),
                cache: None,
            }),
        );
        self.pipelines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, p.clone());
        Ok(p)
    }
}
