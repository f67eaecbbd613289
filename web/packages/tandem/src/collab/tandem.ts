/**
 * `createTandem`: the local engine and a server LLM behind one `chat.completions.create`, each
 * request routed by a policy (`local`, `server`, `route`, `cascade`) and tandem-collab's rules,
 * and every answer saying where it came from and why (`tandem`). A request the rules keep local
 * — a privacy class, offline, over budget — never reaches the server, and a server that fails
 * is answered for by the local engine, with the reason. With `privacy` set, personal data is
 * replaced with placeholders before anything leaves the device and restored in the reply
 * (privacy.ts); `tandem.privacy` is the receipt of what was sent.
 *
 * ```ts
 * const tandem = await createTandem({
 *   local: { model: '/models/manifests/pair-small.json' },
 *   server: { baseURL: 'https://llm.example.com/v1', apiKey, model: 'pair-large' },
 *   router: '/models/pair/router.json',
 *   policy: 'route',
 * });
 * const c = await tandem.chat.completions.create({ messages });
 * c.tandem; // { route: 'local', rule: 'score', reason: 'router: score 0.12 ≤ threshold 0.40', … }
 * ```
 */
import { createEngine } from '../engine.js';
import { abortError, TandemError } from '../errors.js';
import { normalizeMessages, normalizeRequest } from '../generation.js';
import type { ChatCompletionRequest, ChatMessage, EngineOptions, TandemEngine } from '../types.js';
import type { WasmRouterApi } from '../wasm-types.js';
import { answerJson } from './answer.js';
import { cascadeRule } from './cascade.js';
import { browserEnvironment, ContextTracker, conversationKey } from './context.js';
import { checkDistill, DistillLog } from './distill-log.js';
import { Job, type Deps } from './job.js';
import { personalisationApi, Personaliser } from './personal.js';
import { plan } from './plan.js';
import { privacyPolicy, Redaction, type PrivacyPolicy } from './privacy.js';
import { loadCollab, loadRouter } from './policy.js';
import { ServerClient } from './server-client.js';
import type { SpeculativeOptions } from './speculative.js';
import { checkFusion, deferRule } from './token-options.js';
import { answerStream } from './stream.js';
import type {
  Policy,
  RulesOptions,
  Tandem,
  TandemChunk,
  TandemCompletion,
  TandemOptions,
  TandemRequest,
  TandemRequestOptions,
} from './types.js';

const POLICIES: readonly Policy[] = ['local', 'server', 'route', 'cascade', 'speculative', 'token-defer', 'fusion'];
const OPTION_KEYS = ['local', 'server', 'router', 'policy', 'rules', 'privacy', 'speculative', 'tokenDefer', 'fusion', 'environment', 'storage', 'fetch', 'wasmUrl', 'distill'];
const SERVER_KEYS = ['baseURL', 'apiKey', 'model', 'timeoutMs', 'idleTimeoutMs', 'retryAfterMs', 'headers'];
const RULE_KEYS = ['classify', 'cascade', 'budget', 'latencyTargetMs', 'sticky', 'metered', 'battery'];
const REQUEST_KEYS = ['privacy', 'conversation', 'policy'];
const NO_DEFER_RULE = "policy 'token-defer' needs a rule: tokenDefer.rule or router.json's token_defer";

/** Refuses a key `obj` should not have: a misspelt `classify` or `privacy` must be an error,
 * never a private request that silently leaves the device. */
function knownKeys(obj: unknown, known: string[], what: string, kind: 'invalid_options' | 'invalid_request'): void {
  if (obj === undefined || obj === null) return;
  if (typeof obj !== 'object') throw new TandemError(kind, `${what} must be an object`);
  const bad = Object.keys(obj).find((k) => !known.includes(k));
  if (bad !== undefined) throw new TandemError(kind, `${what}: unknown key ${JSON.stringify(bad)} (known: ${known.join(', ')})`);
}

function checkPolicy(p: unknown, what: string): Policy {
  if (!POLICIES.includes(p as Policy)) {
    throw new TandemError('invalid_options', `${what} ${JSON.stringify(p)}: expected "local", "server", "route", "cascade", "speculative", "token-defer" or "fusion"`);
  }
  return p as Policy;
}

function isEngine(local: TandemEngine | EngineOptions): local is TandemEngine {
  return typeof (local as TandemEngine)?.chat?.completions?.create === 'function';
}

/** `options.speculative` checked: a known objective, draft lengths that are whole numbers ≥ 1. */
function checkSpeculative(o: SpeculativeOptions | undefined): SpeculativeOptions | undefined {
  knownKeys(o, ['objective', 'kMax', 'k'], 'options.speculative', 'invalid_options');
  if (!o) return undefined;
  if (o.objective !== undefined && o.objective !== 'latency' && o.objective !== 'server_cost') {
    throw new TandemError('invalid_options', `options.speculative.objective ${JSON.stringify(o.objective)}: expected "latency" or "server_cost"`);
  }
  for (const k of ['kMax', 'k'] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1 && v <= 64)) {
      throw new TandemError('invalid_options', `options.speculative.${k} must be an integer in 1..=64`);
    }
  }
  return { ...o };
}

/** The request's privacy class: its own, else the classifier's (a classifier that throws
 * fails the request: it never goes out unclassified), else the first local-only class the
 * privacy pipeline found. */
function privacyOf(
  opts: TandemRequestOptions | undefined,
  rules: RulesOptions,
  messages: ChatMessage[],
  redaction: Redaction | undefined,
): string | undefined {
  if (opts?.privacy !== undefined && opts.privacy !== null) return String(opts.privacy);
  const c = rules.classify?.(messages);
  if (c !== undefined && c !== null) return String(c);
  return redaction?.localOnly[0];
}

export async function createTandem(options: TandemOptions): Promise<Tandem> {
  if (!options || typeof options !== 'object') throw new TandemError('invalid_options', 'options must be an object');
  if (!options.local) throw new TandemError('invalid_options', 'options.local (an engine or its options) is required');
  knownKeys(options, OPTION_KEYS, 'options', 'invalid_options');
  knownKeys(options.server, SERVER_KEYS, 'options.server', 'invalid_options');
  knownKeys(options.rules, RULE_KEYS, 'options.rules', 'invalid_options');
  knownKeys(options.rules?.budget, ['maxCallsPerDay', 'maxTokensPerDay'], 'options.rules.budget', 'invalid_options');
  if (options.rules?.classify !== undefined && typeof options.rules.classify !== 'function') {
    throw new TandemError('invalid_options', 'options.rules.classify must be a function');
  }
  let defaultPolicy = checkPolicy(options.policy, 'policy');
  const speculative = checkSpeculative(options.speculative);
  const fusion = checkFusion(options.fusion);
  const distillOptions = checkDistill(options.distill);
  const rules = options.rules ?? {};
  const fetchFn = options.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  const server = new ServerClient(options.server, fetchFn);
  const api = await loadCollab({ wasmUrl: options.wasmUrl });
  const privacy: PrivacyPolicy | undefined = privacyPolicy(options.privacy);
  let router: WasmRouterApi | undefined;
  if (options.router !== undefined && options.router !== null) router = await loadRouter(api, options.router, fetchFn);
  const cascade = cascadeRule(api, rules, router);
  const tokenDefer = deferRule(api, options.tokenDefer, router);
  if (defaultPolicy === 'token-defer' && !tokenDefer) throw new TandemError('invalid_options', NO_DEFER_RULE);
  if (defaultPolicy === 'cascade' && !cascade) {
    throw new TandemError('invalid_options', "policy 'cascade' needs a cascade rule: rules.cascade or router.json's cascade");
  }

  const owned = !isEngine(options.local);
  const local = owned ? await createEngine(options.local as EngineOptions) : (options.local as TandemEngine);
  let modelId: string;
  let personal: Personaliser | undefined;
  try {
    const info = await local.info();
    modelId = info.model;
    if (router && router.dim !== 2 * info.hiddenSize) {
      throw new TandemError(
        'feature_dim',
        `the router takes ${router.dim} features; the local model ${info.model} gives ${2 * info.hiddenSize} (hidden size ${info.hiddenSize}, mean and last)`,
      );
    }
    // The router the user's feedback personalised on this device, when one is stored for it.
    if (router) personal = await Personaliser.open(api, router, options.storage);
  } catch (e) {
    router?.free();
    if (owned) await local.unload().catch(() => {});
    throw e;
  }

  const env = { ...browserEnvironment(), ...options.environment };
  const tracker = new ContextTracker(rules, env, options.storage, options.server.retryAfterMs);
  // Opt-in only: without `distill.log` nothing is logged and no database is opened.
  const distill = new DistillLog(distillOptions, () => env.now?.() ?? Date.now());
  const deps: Deps = { api, local, server, router, cascade, tracker, rules, speculative, distill, tokenDefer, fusion };
  // Decisions read the personalised router (reset() replaces it).
  if (personal) Object.defineProperty(deps, 'router', { get: () => personal?.router, enumerable: true });

  let unloaded = false;
  const job = (req: TandemRequest): Job => {
    if (unloaded) throw new TandemError('unloaded', 'this Tandem was unloaded');
    if (!req || typeof req !== 'object') throw new TandemError('invalid_request', 'the request must be an object');
    const { tandem: opts, ...rest } = req;
    knownKeys(opts, REQUEST_KEYS, 'tandem', 'invalid_request');
    if (opts?.privacy !== undefined && opts.privacy !== null && typeof opts.privacy !== 'string') {
      throw new TandemError('invalid_request', 'tandem.privacy must be a string');
    }
    const request = rest as ChatCompletionRequest;
    normalizeRequest(request);
    const messages = normalizeMessages(request.messages);
    const policy = opts?.policy === undefined ? defaultPolicy : checkPolicy(opts.policy, 'tandem.policy');
    if (policy === 'cascade' && !cascade) {
      throw new TandemError('invalid_request', "policy 'cascade' needs a cascade rule: rules.cascade or router.json's cascade");
    }
    if (policy === 'token-defer' && !tokenDefer) throw new TandemError('invalid_request', NO_DEFER_RULE);
    const redaction = privacy && new Redaction(messages, privacy);
    const privacyClass = privacyOf(opts, rules, messages, redaction);
    return new Job(deps, request, messages, policy, privacyClass, conversationKey(messages, opts?.conversation), redaction);
  };

  async function create(req: TandemRequest): Promise<TandemCompletion | AsyncIterable<TandemChunk>> {
    const j = job(req);
    if (j.signal?.aborted) throw abortError(j.signal);
    const p = await plan(j);
    const out = j.req.stream ? await answerStream(j, p, modelId) : await answerJson(j, p);
    return personal ? personal.track(j.features, out) : out;
  }

  return {
    chat: { completions: { create: create as Tandem['chat']['completions']['create'] } },
    local,
    get policy() {
      return defaultPolicy;
    },
    set policy(p: Policy) {
      const next = checkPolicy(p, 'policy');
      if (next === 'cascade' && !cascade) throw new TandemError('invalid_options', "policy 'cascade' needs a cascade rule");
      if (next === 'token-defer' && !tokenDefer) throw new TandemError('invalid_options', NO_DEFER_RULE);
      defaultPolicy = next;
    },
    async context(req = {}) {
      const messages = req.messages ? normalizeMessages(req.messages) : [];
      const redaction = privacy && messages.length ? new Redaction(messages, privacy) : undefined;
      const privacyClass = messages.length ? privacyOf(req.tandem, rules, messages, redaction) : req.tandem?.privacy;
      const sticky = messages.length ? tracker.stuck(conversationKey(messages, req.tandem?.conversation)) : undefined;
      return tracker.snapshot({ privacy: privacyClass, sticky });
    },
    usage: () => tracker.usage(),
    distillation: distill,
    ...personalisationApi(personal),
    async unload() {
      if (unloaded) return;
      unloaded = true;
      router?.free();
      router = undefined;
      personal?.free();
      if (owned) await local.unload();
    },
  };
}
