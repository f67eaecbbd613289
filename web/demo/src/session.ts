/**
 * The demo's one engine and the `Tandem` over it. The engine (the SMALL, in the package's shared
 * worker: one per origin however many tabs) is loaded once; the `Tandem` is rebuilt when the
 * server, the privacy policy or the target share change, reusing that engine.
 */
import {
  createEngine,
  createTandem,
  loadCollab,
  type LoadProgress,
  type RouterJson,
  type Tandem,
  type TandemEngine,
  type TandemOptions,
} from '@tandem-llm/tandem';
import { simulatedEnvironment, simulatedFetch } from './network';
import type { Settings } from './settings';

/** Where the build put the SMALL's manifest and the router (vite.config.ts). */
export const MODEL = new URL('models/manifests/pair-small.json', document.baseURI).href;
export const ROUTER = new URL('models/pair/router.json', document.baseURI).href;
const CALIB = new URL('models/pair/calib-prompts.json', document.baseURI).href;

export interface Calibration {
  /** The base router's scores of the calibration prompts, sorted. */
  scores: number[];
  routerThreshold: number;
  routerShare: number;
}

/** The threshold that sends `share` of the calibration prompts to the server. */
export function thresholdFor(cal: Calibration, share: number): number {
  const n = cal.scores.length;
  if (share >= 1) return 0;
  if (share <= 0) return 1;
  const k = Math.min(n - 1, Math.max(0, Math.floor(n * (1 - share))));
  // Between two neighbours, so that exactly `n - k` scores are above it.
  return k === 0 ? cal.scores[0] / 2 : (cal.scores[k - 1] + cal.scores[k]) / 2;
}

export class Session {
  engine?: TandemEngine;
  tandem?: Tandem;
  router?: RouterJson;
  calibration?: Calibration;
  /** The threshold the current Tandem's router uses. */
  threshold?: number;

  constructor(private readonly settings: () => Settings) {}

  /** The engine, in the package's SharedWorker (one per origin) where the browser has one; a
   * worker that dies is restarted by the package at the next request (`onRestart`). */
  async loadEngine(onProgress: (p: LoadProgress) => void, onRestart: (reason: string) => void): Promise<TandemEngine> {
    this.engine ??= await createEngine({ model: MODEL, shared: true, onProgress, onWorkerRestart: onRestart });
    return this.engine;
  }

  /** The base router's score of every calibration prompt (once per page: ~160 short prompts). */
  async calibrate(): Promise<Calibration> {
    if (this.calibration) return this.calibration;
    const engine = this.engine;
    if (!engine) throw new Error('the engine is not loaded');
    // The app's own files (the service worker keeps them): not subject to the simulated network.
    this.router ??= (await (await fetch(ROUTER)).json()) as RouterJson;
    const prompts = (await (await fetch(CALIB)).json()) as string[];
    const api = await loadCollab();
    const router = api.Router.fromJson(JSON.stringify(this.router));
    try {
      const scores: number[] = [];
      for (const p of prompts) {
        const f = await engine.promptFeatures([{ role: 'user', content: p }]);
        scores.push(router.score([...f.mean, ...f.last]));
      }
      scores.sort((a, b) => a - b);
      this.calibration = { scores, routerThreshold: router.threshold, routerShare: router.targetShare };
      return this.calibration;
    } finally {
      router.free();
    }
  }

  /** (Re)builds the Tandem over the loaded engine with the current settings. */
  async build(): Promise<Tandem> {
    const s = this.settings();
    const engine = this.engine;
    if (!engine || !this.router) throw new Error('the engine is not loaded');
    await this.tandem?.unload(); // the engine is ours, not the Tandem's: it stays loaded
    this.tandem = undefined;
    const router: RouterJson = { ...this.router };
    if (s.share !== null && this.calibration) router.threshold = thresholdFor(this.calibration, s.share);
    this.threshold = router.threshold;
    const options: TandemOptions = {
      local: engine,
      server: {
        baseURL: s.baseURL,
        model: s.model,
        ...(s.apiKey ? { apiKey: s.apiKey } : {}),
        timeoutMs: 20_000,
        idleTimeoutMs: 20_000,
        // A demo wants to see the server come back at once when the network does.
        retryAfterMs: 2_000,
      },
      router,
      policy: s.policy,
      privacy: { default: s.privacy, levels: Object.fromEntries(s.localOnly.map((c) => [c, 'local-only'])) },
      environment: simulatedEnvironment(this.settings),
      storage: localStorage,
      fetch: simulatedFetch(this.settings),
    };
    this.tandem = await createTandem(options);
    return this.tandem;
  }
}
