//! GPU timestamps per dispatch, for `tandem bench --profile`: each dispatch of a step gets its
//! own compute pass with timestamps written at its start and end (the WebGPU `timestamp-query`
//! feature; no timestamps inside passes, which only native Vulkan/DX12/Metal have). Separate
//! passes add a little time of their own, so a profile tells each kernel's share of a step, not
//! the step's exact length.
use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::ops::Sink;

/// WebGPU's cap on a query set (two timestamps per dispatch).
const MAX_QUERIES: u32 = 4096;

/// One dispatch's time on the GPU.
#[derive(Debug, Clone, PartialEq)]
pub struct KernelTime {
    /// The kernel, and for a weight product its weight ("matvec q_proj", "attention").
    pub label: &'static str,
    pub ns: f64,
}

/// The query set of one profiled step and what was recorded into it.
pub(crate) struct Timer {
    queries: wgpu::QuerySet,
    resolve: wgpu::Buffer,
    staging: wgpu::Buffer,
    labels: Vec<&'static str>,
    /// Dispatches recorded beyond the query set's capacity (run, not timed).
    untimed: usize,
}

impl Timer {
    pub fn new(gpu: &Gpu) -> Result<Self> {
        if !gpu.has_timestamps() {
            return Err(tandem_core::Error::Unsupported {
                what: format!(
                    "GPU profiling: the adapter ({}) has no timestamp queries",
                    gpu.describe()
                ),
            }
            .into());
        }
        let bytes = u64::from(MAX_QUERIES) * 8;
        Ok(Self {
            queries: gpu.device.create_query_set(&wgpu::QuerySetDescriptor {
                label: Some("profile"),
                ty: wgpu::QueryType::Timestamp,
                count: MAX_QUERIES,
            }),
            resolve: gpu.device.create_buffer(&wgpu::BufferDescriptor {
                label: Some("profile-resolve"),
                size: bytes,
                usage: wgpu::BufferUsages::QUERY_RESOLVE | wgpu::BufferUsages::COPY_SRC,
                mapped_at_creation: false,
            }),
            staging: gpu.staging("profile-read", bytes),
            labels: Vec::new(),
            untimed: 0,
        })
    }

    /// A compute pass timed as a whole, reported as `label` (a step recorded as a normal run
    /// records it, for the GPU time of the whole step next to the per-dispatch profile).
    pub fn timed_pass<'a>(
        &'a mut self,
        enc: &'a mut wgpu::CommandEncoder,
        label: &'static str,
    ) -> wgpu::ComputePass<'a> {
        let i = self.labels.len() as u32;
        self.labels.push(label);
        enc.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some(label),
            timestamp_writes: Some(wgpu::ComputePassTimestampWrites {
                query_set: &self.queries,
                beginning_of_pass_write_index: Some(2 * i),
                end_of_pass_write_index: Some(2 * i + 1),
            }),
        })
    }

    /// A sink that records into `enc`, one timed pass per dispatch.
    pub fn sink<'a>(&'a mut self, enc: &'a mut wgpu::CommandEncoder) -> TimedSink<'a> {
        TimedSink { timer: self, enc }
    }

    /// Copies the timestamps out (after the step's dispatches, in the same encoder).
    pub fn resolve(&self, enc: &mut wgpu::CommandEncoder) {
        let n = self.labels.len() as u32 * 2;
        if n > 0 {
            enc.resolve_query_set(&self.queries, 0..n, &self.resolve, 0);
            enc.copy_buffer_to_buffer(&self.resolve, 0, &self.staging, 0, u64::from(n) * 8);
        }
    }

    /// Each timed dispatch's time, in recording order (after the submit of [`Self::resolve`]).
    pub async fn read(&self, gpu: &Gpu) -> Result<Vec<KernelTime>> {
        if self.untimed > 0 {
            return Err(GpuError::Validation(format!(
                "a step of more than {} dispatches cannot be profiled in one query set",
                MAX_QUERIES / 2
            )));
        }
        let n = self.labels.len() as u64 * 2;
        let bytes = gpu.read(&self.staging, (n * 8).max(8)).await?;
        let ticks: &[u64] = bytemuck::cast_slice(&bytes[..(n * 8) as usize]);
        let period = f64::from(gpu.queue.get_timestamp_period());
        Ok(self
            .labels
            .iter()
            .zip(ticks.chunks_exact(2))
            .map(|(&label, t)| KernelTime {
                label,
                ns: t[1].saturating_sub(t[0]) as f64 * period,
            })
            .collect())
    }
}

pub(crate) struct TimedSink<'a> {
    timer: &'a mut Timer,
    enc: &'a mut wgpu::CommandEncoder,
}

impl Sink for TimedSink<'_> {
    fn dispatch(
        &mut self,
        label: &'static str,
        pipeline: &wgpu::ComputePipeline,
        bind_group: &wgpu::BindGroup,
        (x, y, z): (u32, u32, u32),
    ) {
        let i = self.timer.labels.len() as u32;
        let timed = 2 * i + 1 < MAX_QUERIES;
        let writes = timed.then(|| wgpu::ComputePassTimestampWrites {
            query_set: &self.timer.queries,
            beginning_of_pass_write_index: Some(2 * i),
            end_of_pass_write_index: Some(2 * i + 1),
        });
        let mut pass = self.enc.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some(label),
            timestamp_writes: writes,
        });
        pass.set_pipeline(pipeline);
        pass.set_bind_group(0, bind_group, &[]);
        pass.dispatch_workgroups(x, y, z);
        drop(pass);
        if timed {
            self.timer.labels.push(label);
        } else {
            self.timer.untimed += 1;
        }
    }
}
