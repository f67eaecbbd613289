/** The simulated network: the fetch every server call and the router's URL go through, and the
 * environment the routing rules read. Offline here means offline to the rules *and* to fetch, so
 * nothing can leak past the switch; the real `navigator.onLine` counts too. */
import type { Environment } from '@tandem-llm/tandem';
import type { Settings } from './settings';

export function isOffline(s: Settings): boolean {
  return s.offline || !navigator.onLine;
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
}

export function simulatedFetch(settings: () => Settings): typeof fetch {
  return async (input, init) => {
    const s = settings();
    if (isOffline(s)) throw new TypeError('Failed to fetch: the network is off (simulated)');
    if (s.rttMs > 0) await sleep(s.rttMs, init?.signal);
    return fetch(input, init);
  };
}

export function simulatedEnvironment(settings: () => Settings): Environment {
  type Conn = { saveData?: boolean; type?: string };
  return {
    online: () => !isOffline(settings()),
    metered: () => settings().metered || (navigator as { connection?: Conn }).connection?.saveData === true,
  };
}
