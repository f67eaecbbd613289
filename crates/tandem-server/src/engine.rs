//! The embedded model on its own thread: requests wait in a bounded queue (full → 429), the
//! model runs off the async runtime, and each request's tokens stream back over a channel. A
//! client that goes away cancels its generation at the next token. A client that stops reading
//! never holds the model thread (its channel has room for the whole answer). What runs the model
//! is runner.rs; what crosses between them, jobs.rs.
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread;

use tokio::sync::{mpsc, oneshot};

use crate::jobs::{Event, EventSink, Job, VerifyJob, VerifyOutcome};
use crate::openai::ApiError;
use crate::runner::{BackendInfo, Runner};
use crate::ServerError;

enum Queued {
    Job {
        job: Job,
        events: EventSink,
    },
    Verify {
        job: VerifyJob,
        reply: oneshot::Sender<Result<VerifyOutcome, ApiError>>,
    },
    /// Keeps the model thread busy until the paired sender is dropped (tests of the queue).
    Hold {
        /// Told once the model thread holds.
        started: std::sync::mpsc::Sender<()>,
        until: std::sync::mpsc::Receiver<()>,
    },
    /// Destroys the GPU device, as a driver reset would (tests of the CPU fallback).
    LoseDevice,
}

/// While alive, the model thread is busy (see [`EngineHandle::hold`]).
pub struct HoldGuard {
    _release: std::sync::mpsc::Sender<()>,
}

/// What handlers hold: the queue's sending side and the model's facts.
#[derive(Clone)]
pub struct EngineHandle {
    queue: SyncSender<Queued>,
    pub max_context: usize,
    info: Arc<Mutex<BackendInfo>>,
}

fn lock(m: &Mutex<BackendInfo>) -> std::sync::MutexGuard<'_, BackendInfo> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl EngineHandle {
    /// Starts the model thread with the model at `path` on the CPU, with room for `queue`
    /// waiting requests (besides the running one).
    pub fn spawn_cpu(path: &std::path::Path, queue: usize) -> Result<Self, ServerError> {
        let (runner, info) = Runner::load(path, tandem_engine::BackendChoice::Cpu)?;
        Ok(Self::spawn_runner(runner, info, queue))
    }

    /// Starts the model thread on `runner` (see [`Runner::load`]).
    pub fn spawn_runner(mut runner: Runner, info: BackendInfo, queue: usize) -> Self {
        let max_context = runner.max_context();
        let info = Arc::new(Mutex::new(info));
        let thread_info = info.clone();
        let (tx, rx) = sync_channel::<Queued>(queue);
        thread::Builder::new()
            .name("tandem-model".into())
            .spawn(move || {
                while let Ok(q) = rx.recv() {
                    match q {
                        Queued::Job { job, events } => runner.run(job, &events, &thread_info),
                        Queued::Verify { job, reply } => {
                            let _ = reply.send(runner.verify(job, &thread_info));
                        }
                        Queued::Hold { started, until } => {
                            let _ = started.send(());
                            let _ = until.recv();
                        }
                        Queued::LoseDevice => runner.lose_device(),
                    }
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| eprintln!("tandem-server: cannot start the model thread: {e}"));
        Self {
            queue: tx,
            max_context,
            info,
        }
    }

    /// Where the model runs now.
    pub fn backend(&self) -> BackendInfo {
        lock(&self.info).clone()
    }

    /// Queues `job`; its events arrive on the returned receiver. Full queue → 429.
    pub fn submit(&self, job: Job) -> Result<mpsc::Receiver<Event>, ApiError> {
        // Every token, plus Started and Done (or Failed).
        // (No answer is longer than the context.)
        let room = job.request.params.max_new_tokens.min(self.max_context);
        let (tx, rx) = mpsc::channel(room.saturating_add(2));
        let events = EventSink::new(tx);
        match self.queue.try_send(Queued::Job { job, events }) {
            Ok(()) => Ok(rx),
            Err(TrySendError::Full(_)) => Err(ApiError::busy(1)),
            Err(TrySendError::Disconnected(_)) => {
                Err(ApiError::internal("the model thread has stopped"))
            }
        }
    }

    /// Queues a verification (full queue → 429) and waits for its result.
    pub async fn verify(&self, job: VerifyJob) -> Result<VerifyOutcome, ApiError> {
        let (tx, rx) = oneshot::channel();
        match self.queue.try_send(Queued::Verify { job, reply: tx }) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(ApiError::busy(1)),
            Err(TrySendError::Disconnected(_)) => {
                return Err(ApiError::internal("the model thread has stopped"))
            }
        }
        rx.await
            .map_err(|_| ApiError::internal("the model thread ended the request"))?
    }

    /// Destroys the GPU device under the model (a no-op on the CPU): the next generation finds
    /// it lost and carries on on the CPU.
    #[doc(hidden)]
    pub fn lose_device(&self) -> Result<(), ApiError> {
        self.queue
            .send(Queued::LoseDevice)
            .map_err(|_| ApiError::internal("the model thread has stopped"))
    }

    /// Occupies the model thread (once it is free) until the guard is dropped: lets tests fill
    /// the queue deterministically. Blocks while the queue is full.
    #[doc(hidden)]
    pub fn hold(&self) -> Result<HoldGuard, ApiError> {
        let stopped = || ApiError::internal("the model thread has stopped");
        let (tx, until) = std::sync::mpsc::channel();
        let (started, running) = std::sync::mpsc::channel();
        self.queue
            .send(Queued::Hold { started, until })
            .map_err(|_| stopped())?;
        // Return only once the thread holds, so the queue is empty and its room is exact.
        running.recv().map_err(|_| stopped())?;
        Ok(HoldGuard { _release: tx })
    }
}
