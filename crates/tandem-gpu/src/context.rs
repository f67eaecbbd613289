//! The wgpu device: adapter choice, limits and features read from the adapter, device loss and
//! uncaptured errors recorded (never a panic), and readback by awaiting `map_async` — the same
//! async code on native and in the browser (native adds a blocking `poll`, a no-op on the web).
use std::sync::{Arc, Mutex};

use crate::error::{GpuError, Result};
use crate::format::Format;
use crate::pipelines::{Defines, Kernel, Pipelines};

/// What the engine asks of the adapter.
#[derive(Debug, Clone)]
pub struct GpuOptions {
    pub power_preference: wgpu::PowerPreference,
    /// Use subgroup kernels where the adapter has `subgroups` (max subgroup size ≤ 32).
    pub allow_subgroups: bool,
    /// Use native f16 in shaders where the adapter has `shader-f16`.
    pub allow_f16: bool,
    /// Treat bindings as at most this many bytes (below the adapter's own limit): exercises
    /// the splitting of large tensors on any adapter.
    pub max_binding: Option<u64>,
    /// One invocation per row in the decode matvec; `None` = on CPU adapters only.
    pub rowwise: Option<bool>,
}

impl Default for GpuOptions {
    fn default() -> Self {
        Self {
            power_preference: wgpu::PowerPreference::HighPerformance,
            allow_subgroups: true,
            allow_f16: true,
            max_binding: None,
            rowwise: None,
        }
    }
}

/// Limits below which the kernels cannot run.
const NEEDS: [(&str, u64); 5] = [
    ("maxComputeInvocationsPerWorkgroup", 256),
    ("maxComputeWorkgroupSizeX", 256),
    ("maxComputeWorkgroupStorageSize", 16384),
    ("maxStorageBuffersPerShaderStage", 6),
    ("maxStorageBufferBindingSize", 1 << 24),
];

fn limit_value(l: &wgpu::Limits, name: &str) -> u64 {
    match name {
        "maxComputeInvocationsPerWorkgroup" => l.max_compute_invocations_per_workgroup as u64,
        "maxComputeWorkgroupSizeX" => l.max_compute_workgroup_size_x as u64,
        "maxComputeWorkgroupStorageSize" => l.max_compute_workgroup_storage_size as u64,
        "maxStorageBuffersPerShaderStage" => l.max_storage_buffers_per_shader_stage as u64,
        "maxStorageBufferBindingSize" => l.max_storage_buffer_binding_size,
        _ => 0,
    }
}

pub struct Gpu {
    pub(crate) device: wgpu::Device,
    pub(crate) queue: wgpu::Queue,
    info: wgpu::AdapterInfo,
    limits: wgpu::Limits,
    defines: Defines,
    binding_cap: Option<u64>,
    timestamps: bool,
    lost: Arc<Mutex<Option<String>>>,
    /// The first uncaptured error: (out of memory?, message).
    error: Arc<Mutex<Option<(bool, String)>>>,
    pub(crate) pipelines: Pipelines,
}

impl Gpu {
    pub async fn new() -> Result<Self> {
        Self::with_options(&GpuOptions::default()).await
    }

    pub async fn with_options(opts: &GpuOptions) -> Result<Self> {
        // In a browser without WebGPU (or off the main thread / a dedicated worker) creating
        // the instance would panic: ask first.
        #[cfg(target_arch = "wasm32")]
        if !wgpu::util::is_browser_webgpu_supported().await {
            return Err(GpuError::NoAdapter(
                "this browser context has no WebGPU (navigator.gpu missing or no adapter)".into(),
            ));
        }
        let instance =
            wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env());
        let adapter = instance
            .request_adapter(&wgpu::RequestAdapterOptions {
                power_preference: opts.power_preference,
                force_fallback_adapter: false,
                compatible_surface: None,
                apply_limit_buckets: false,
            })
            .await
            .map_err(|e| GpuError::NoAdapter(e.to_string()))?;
        let limits = adapter.limits();
        for (name, need) in NEEDS {
            let have = limit_value(&limits, name);
            if have < need {
                return Err(GpuError::Limit {
                    limit: name,
                    have,
                    need,
                });
            }
        }
        let features = adapter.features();
        let info = adapter.get_info();
        let rowwise = opts
            .rowwise
            .unwrap_or(info.device_type == wgpu::DeviceType::Cpu);
        // The subgroup reductions assume a subgroup never spans two 32-thread rows.
        let subgroups = opts.allow_subgroups
            && features.contains(wgpu::Features::SUBGROUP)
            && (1..=32).contains(&info.subgroup_max_size)
            && info.subgroup_min_size >= 1;
        let f16 = opts.allow_f16 && features.contains(wgpu::Features::SHADER_F16);
        let mut required_features = wgpu::Features::empty();
        if subgroups {
            required_features |= wgpu::Features::SUBGROUP;
        }
        if f16 {
            required_features |= wgpu::Features::SHADER_F16;
        }
        // For profiles only (`tandem bench --profile`); costs nothing unless a query is written.
        let timestamps = features.contains(wgpu::Features::TIMESTAMP_QUERY);
        if timestamps {
            required_features |= wgpu::Features::TIMESTAMP_QUERY;
        }
        let (device, queue) = adapter
            .request_device(&wgpu::DeviceDescriptor {
                label: Some("tandem"),
                required_features,
                required_limits: limits.clone(),
                experimental_features: wgpu::ExperimentalFeatures::disabled(),
                memory_hints: wgpu::MemoryHints::Performance,
                trace: wgpu::Trace::Off,
            })
            .await
            .map_err(|e| GpuError::RequestDevice(e.to_string()))?;
        let lost = Arc::new(Mutex::new(None));
        let l = lost.clone();
        device.set_device_lost_callback(move |reason, msg| {
            *l.lock().unwrap_or_else(|e| e.into_inner()) = Some(format!("{reason:?}: {msg}"));
        });
        let error = Arc::new(Mutex::new(None));
        let e = error.clone();
        device.on_uncaptured_error(Arc::new(move |err: wgpu::Error| {
            let mut slot = e.lock().unwrap_or_else(|e| e.into_inner());
            if slot.is_none() {
                let oom = matches!(err, wgpu::Error::OutOfMemory { .. });
                *slot = Some((oom, err.to_string()));
            }
        }));
        Ok(Self {
            device,
            queue,
            info,
            limits,
            defines: Defines {
                subgroups,
                f16,
                rowwise,
                kv_f16: false,
                norm: false,
                silu: false,
                merge: false,
                wide: false,
            },
            binding_cap: opts.max_binding,
            timestamps,
            lost,
            error,
            pipelines: Pipelines::default(),
        })
    }

    pub fn adapter_info(&self) -> &wgpu::AdapterInfo {
        &self.info
    }

    pub fn limits(&self) -> &wgpu::Limits {
        &self.limits
    }

    /// "name (backend, device type) subgroups f16" for logs and benchmark tables.
    pub fn describe(&self) -> String {
        format!(
            "{} ({:?}, {:?}){}{}",
            self.info.name,
            self.info.backend,
            self.info.device_type,
            if self.defines.subgroups {
                ", subgroups"
            } else {
                ""
            },
            if self.defines.f16 { ", shader-f16" } else { "" },
        ) + if self.defines.rowwise {
            ", row-wise matvec"
        } else {
            ""
        }
    }

    /// A software adapter on the CPU (lavapipe, SwiftShader, WARP).
    pub fn is_cpu_adapter(&self) -> bool {
        self.info.device_type == wgpu::DeviceType::Cpu
    }

    /// The device can time dispatches (WebGPU `timestamp-query`).
    pub fn has_timestamps(&self) -> bool {
        self.timestamps
    }

    pub fn has_subgroups(&self) -> bool {
        self.defines.subgroups
    }

    pub fn has_f16(&self) -> bool {
        self.defines.f16
    }

    /// The shader variants used by default on this device.
    pub fn defines(&self) -> Defines {
        self.defines
    }

    /// The largest buffer one binding may see.
    pub fn max_binding(&self) -> u64 {
        let l = self
            .limits
            .max_storage_buffer_binding_size
            .min(self.limits.max_buffer_size);
        self.binding_cap.map_or(l, |c| c.min(l))
    }

    /// The largest buffer the device makes (bindings aside). The test cap
    /// [`GpuOptions::max_binding`] applies here too, so splitting is exercised on any adapter.
    pub(crate) fn max_buffer(&self) -> u64 {
        let l = self.limits.max_buffer_size;
        self.binding_cap.map_or(l, |c| c.min(l))
    }

    /// A buffer only ever copied to and from (never bound), of `size` bytes (a multiple of 4).
    pub(crate) fn copy_buffer(&self, label: &str, size: u64) -> Result<wgpu::Buffer> {
        if size > self.max_buffer() {
            return Err(GpuError::Tensor {
                name: label.to_string(),
                reason: format!(
                    "{size} bytes exceed the adapter's largest buffer ({} bytes)",
                    self.max_buffer()
                ),
            });
        }
        Ok(self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size,
            usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::COPY_SRC,
            mapped_at_creation: false,
        }))
    }

    /// Device loss or an error recorded since the last check, as a typed error.
    pub fn check(&self) -> Result<()> {
        if let Some(msg) = self.lost.lock().unwrap_or_else(|e| e.into_inner()).clone() {
            return Err(GpuError::DeviceLost(msg));
        }
        if let Some((oom, msg)) = self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return Err(if oom {
                GpuError::OutOfMemory(msg)
            } else {
                GpuError::Validation(msg)
            });
        }
        Ok(())
    }

    pub fn pipeline(
        &self,
        kernel: &Kernel,
        format: Option<Format>,
        defines: Defines,
    ) -> Result<Arc<wgpu::ComputePipeline>> {
        self.pipelines
            .get(&self.device, kernel, format, defines)
            .map_err(GpuError::Validation)
    }

    pub(crate) fn layout(&self, kernel: &Kernel) -> Arc<wgpu::BindGroupLayout> {
        self.pipelines.layout(&self.device, kernel.slots)
    }

    pub(crate) fn bind_group(&self, kernel: &Kernel, buffers: &[&wgpu::Buffer]) -> wgpu::BindGroup {
        let layout = self.layout(kernel);
        let entries: Vec<wgpu::BindGroupEntry> = buffers
            .iter()
            .enumerate()
            .map(|(i, b)| wgpu::BindGroupEntry {
                binding: i as u32,
                resource: b.as_entire_binding(),
            })
            .collect();
        self.device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some(kernel.name),
            layout: &layout,
            entries: &entries,
        })
    }

    /// A storage buffer of `size` bytes (at least 16), checked against the adapter's limits.
    pub(crate) fn storage(&self, label: &str, size: u64) -> Result<wgpu::Buffer> {
        let size = size.max(16).next_multiple_of(16);
        if size > self.max_binding() {
            return Err(GpuError::Tensor {
                name: label.to_string(),
                reason: format!(
                    "{size} bytes exceed the adapter's largest binding ({} bytes)",
                    self.max_binding()
                ),
            });
        }
        Ok(self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size,
            usage: wgpu::BufferUsages::STORAGE
                | wgpu::BufferUsages::COPY_DST
                | wgpu::BufferUsages::COPY_SRC,
            mapped_at_creation: false,
        }))
    }

    /// A storage buffer holding `bytes` (padded to 16 bytes).
    pub(crate) fn storage_init(&self, label: &str, bytes: &[u8]) -> Result<wgpu::Buffer> {
        let b = self.storage(label, bytes.len() as u64)?;
        if !bytes.is_empty() {
            let n = bytes.len() / 4 * 4;
            self.queue.write_buffer(&b, 0, &bytes[..n]);
            if n < bytes.len() {
                let mut tail = [0u8; 4];
                tail[..bytes.len() - n].copy_from_slice(&bytes[n..]);
                self.queue.write_buffer(&b, n as u64, &tail);
            }
        }
        Ok(b)
    }

    pub(crate) fn uniform<T: bytemuck::Pod>(&self, label: &str, v: &T) -> wgpu::Buffer {
        let b = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: (std::mem::size_of::<T>() as u64).next_multiple_of(16),
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        self.queue.write_buffer(&b, 0, bytemuck::bytes_of(v));
        b
    }

    pub(crate) fn staging(&self, label: &str, size: u64) -> wgpu::Buffer {
        self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: size.max(16).next_multiple_of(16),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        })
    }

    /// Waits for `size` bytes of the mappable `staging` buffer (after the submit that filled it)
    /// and returns them. Awaits `map_async`; on native the device is polled to drive it, until
    /// every submission is done.
    pub(crate) async fn read(&self, staging: &wgpu::Buffer, size: u64) -> Result<Vec<u8>> {
        self.read_after(staging, size, None).await
    }

    /// [`Self::read`] of a buffer that submission `after` filled: on native the poll waits for
    /// that submission only, not for work queued after it (a greedy step queued ahead).
    pub(crate) async fn read_after(
        &self,
        staging: &wgpu::Buffer,
        size: u64,
        after: Option<wgpu::SubmissionIndex>,
    ) -> Result<Vec<u8>> {
        let (tx, rx) = futures_channel::oneshot::channel();
        let slice = staging.slice(..size);
        slice.map_async(wgpu::MapMode::Read, move |r| {
            let _ = tx.send(r);
        });
        #[cfg(not(target_arch = "wasm32"))]
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: after,
                timeout: None,
            })
            .map_err(|e| GpuError::DeviceLost(e.to_string()))?;
        #[cfg(target_arch = "wasm32")]
        let _ = after;
        let mapped = rx.await;
        self.check()?;
        match mapped {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(GpuError::Readback(e.to_string())),
            Err(_) => return Err(GpuError::DeviceLost("map callback dropped".into())),
        }
        let data = slice
            .get_mapped_range()
            .map_err(|e| GpuError::Readback(e.to_string()))?
            .to_vec();
        staging.unmap();
        Ok(data)
    }

    /// Gives the device up (as a driver reset or a browser reclaiming the GPU would): every
    /// later call returns [`GpuError::DeviceLost`].
    pub fn destroy(&self) {
        self.lost
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert_with(|| "destroyed by the application".into());
        self.device.destroy();
    }

    /// Waits until the GPU has finished all submitted work; surfaces device loss and errors.
    pub async fn finish(&self) -> Result<()> {
        let s = self.staging("sync", 16);
        let mut enc = self.device.create_command_encoder(&Default::default());
        let src = self.storage("sync-src", 16)?;
        enc.copy_buffer_to_buffer(&src, 0, &s, 0, 16);
        self.queue.submit([enc.finish()]);
        self.read(&s, 16).await.map(|_| ())
    }
}
