/**
 * Knowing when the other end of a SharedWorker's port is gone. A MessagePort has no 'error'
 * event, and nothing fires when the page or the worker behind it dies; a Web Lock does: the
 * browser releases every lock of a context that ends (closed, crashed, terminated). Each side
 * holds a lock of its own, with a unique name, for as long as it lives, and the other side
 * asks for that lock: granted means the holder is gone.
 */

/** The part of `navigator.locks` used here (fakes in tests). */
export interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown>;
}

export function defaultLocks(): LockManagerLike | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return typeof locks?.request === 'function' ? locks : undefined;
}

export interface HeldLock {
  name: string;
  /** Lets go of it (the other side then learns this one is gone). */
  release(): void;
}

function uniqueName(role: string): string {
  const id = typeof crypto?.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `tandem-${role}-${id}`;
}

/** A fresh lock, held until `release()` or the end of this context; resolves once granted (so
 * the other side may ask for it). */
export function holdLock(locks: LockManagerLike, role: string): Promise<HeldLock> {
  const name = uniqueName(role);
  return new Promise((granted, refused) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // A refused request (e.g. SecurityError in an opaque origin) must not leave this pending.
    locks
      .request(name, () => {
        granted({ name, release });
        return held;
      })
      .catch(refused);
  });
}

/** Calls `gone` once the holder of `name` lets go of it or dies. */
export function whenReleased(locks: LockManagerLike, name: string, gone: () => void): void {
  void locks.request(name, () => gone()).catch(() => {});
}
