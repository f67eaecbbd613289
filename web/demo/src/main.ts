/**
 * The demo PWA: checkSupport before any download, the SMALL loaded once (shared by the origin's
 * tabs, kept in OPFS or Cache Storage), each message answered under the chosen policy with its
 * route, reason and privacy receipt, "ask the server too" (queued offline, replayed online),
 * feedback that personalises the router on the device, and a live dashboard.
 */
import { checkSupport, getModelCacheState, deleteCachedModel, type CollabInfo, type CompletionUsage, type TandemChunk } from '@tandem-llm/tandem';
import { renderTurn, type ChatActions } from './chat';
import { renderDashboard } from './dashboard';
import { History, type Turn } from './history';
import { isOffline } from './network';
import { MODEL, Session } from './session';
import { loadSettings, PII_TYPES, saveSettings, type Settings } from './settings';
import { Stats, recordOf } from './stats';
import './style.css';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const settings: Settings = loadSettings();
const session = new Session(() => settings);
const history = new History();
const stats = new Stats();
const list = $('messages');
const MAX_TOKENS = 96;

const errorText = (e: unknown) => {
  const o = e as { kind?: string; name?: string; message?: string };
  return `${o.kind ?? o.name ?? 'error'}: ${o.message ?? String(e)}`;
};
const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
const busy = (on: boolean) => {
  ($('send') as HTMLButtonElement).disabled = on || !session.tandem;
  document.body.dataset.busy = String(on);
};

// ---- the controls -----------------------------------------------------------------------
function bindControls(): void {
  const policy = $<HTMLSelectElement>('policy');
  const share = $<HTMLInputElement>('share');
  const privacy = $<HTMLSelectElement>('privacy');
  policy.value = settings.policy;
  privacy.value = settings.privacy;
  share.value = String(settings.share ?? 0.5);
  for (const c of PII_TYPES) {
    const label = document.createElement('label');
    label.className = 'inline';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = c;
    box.checked = settings.localOnly.includes(c);
    box.onchange = () => {
      settings.localOnly = PII_TYPES.filter((t) => document.querySelector<HTMLInputElement>(`#classes input[value="${t}"]`)?.checked);
      void changed(true);
    };
    label.append(box, ` ${c.replace('_', ' ')}`);
    $('classes').append(label);
  }
  const field = (id: string, key: 'baseURL' | 'apiKey' | 'model') => {
    const input = $<HTMLInputElement>(id);
    input.value = settings[key];
    input.onchange = () => (settings[key] = input.value.trim());
  };
  field('server-url', 'baseURL');
  field('server-key', 'apiKey');
  field('server-model', 'model');
  const num = (id: string, key: 'rttMs' | 'pricePerM', rebuild: boolean) => {
    const input = $<HTMLInputElement>(id);
    input.value = String(settings[key]);
    input.onchange = () => {
      const v = Number(input.value);
      settings[key] = Number.isFinite(v) && v >= 0 ? v : 0;
      void changed(rebuild);
    };
  };
  num('sim-rtt', 'rttMs', false);
  num('price', 'pricePerM', false);
  for (const [id, key] of [['sim-offline', 'offline'], ['sim-metered', 'metered']] as const) {
    const box = $<HTMLInputElement>(id);
    box.checked = settings[key];
    box.onchange = () => {
      settings[key] = box.checked;
      void changed(false);
    };
  }
  policy.onchange = () => {
    settings.policy = policy.value as Settings['policy'];
    void changed(false);
  };
  privacy.onchange = () => {
    settings.privacy = privacy.value as Settings['privacy'];
    void changed(true);
  };
  share.oninput = () => showShare(Number(share.value));
  share.onchange = () => {
    settings.share = Number(share.value);
    void changed(true);
  };
  $('apply').onclick = () => void changed(true);
  $('reset-stats').onclick = () => {
    stats.reset();
    refresh();
  };
  $('reset-router').onclick = async () => {
    await session.tandem?.personalisation.reset();
    $('load-status').textContent = 'the router is back to router.json (your feedback is forgotten)';
  };
}

function showShare(v: number): void {
  const cal = session.calibration;
  $('share-out').textContent = settings.share === null && cal ? `router.json's ${(100 * cal.routerShare).toFixed(0)} %` : `${(100 * v).toFixed(0)} %`;
}

/** A rebuild asked for while an answer streams waits for it (the old Tandem's router must not
 * be freed under a request in flight). */
let rebuildAfterAnswer = false;

async function changed(rebuild: boolean): Promise<void> {
  saveSettings(settings);
  if (rebuild && document.body.dataset.busy === 'true') {
    rebuildAfterAnswer = true;
    rebuild = false;
  }
  if (session.tandem) {
    if (rebuild) {
      try {
        await session.build();
      } catch (e) {
        $('load-status').textContent = `settings not applied: ${errorText(e)}`;
      }
    } else {
      try {
        session.tandem.policy = settings.policy;
      } catch (e) {
        $('load-status').textContent = errorText(e);
      }
    }
  }
  showShare(Number($<HTMLInputElement>('share').value));
  refresh();
  if (!isOffline(settings)) void replay();
}

// ---- the dashboard and the network state ------------------------------------------------
function refresh(): void {
  renderDashboard(stats.summary(), settings, session);
  const off = isOffline(settings);
  const pill = $('net-state');
  pill.textContent = off ? 'offline: answering on this device' : settings.metered ? 'online (metered)' : 'online';
  pill.dataset.state = off ? 'offline' : 'online';
  const q = history.queued().length;
  $('queue-state').textContent = q ? `${q} "ask the server too" queued until the network is back` : '';
}

// ---- answering --------------------------------------------------------------------------
const actions: ChatActions = { ask: (t) => void askServerToo(t, true), feedback: (t, f) => void feedback(t, f) };

function isCollabInfo(t: TandemChunk['tandem']): t is CollabInfo {
  return !!t && typeof t.local_tokens === 'number' && typeof t.latency_ms === 'number';
}

async function send(prompt: string): Promise<void> {
  const tandem = session.tandem;
  if (!tandem || !prompt.trim()) return;
  const turn = history.add(prompt.trim());
  busy(true);
  renderTurn(list, turn, actions, '');
  let text = '';
  let info: CollabInfo | undefined;
  let usage: CompletionUsage | null | undefined;
  let id = '';
  try {
    const stream = await tandem.chat.completions.create({
      messages: [{ role: 'user', content: turn.prompt }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: MAX_TOKENS,
      temperature: 0,
      // Each message is a conversation of its own (the pair are single-turn task models), so
      // the router's stickiness never carries one message's route over to the next.
      tandem: { conversation: turn.id },
    });
    for await (const c of stream) {
      id = c.id;
      if (c.tandem?.superseded) text = '';
      text += c.choices[0]?.delta?.content ?? '';
      if (c.usage) usage = c.usage;
      if (isCollabInfo(c.tandem)) info = c.tandem;
      renderTurn(list, turn, actions, text);
    }
    if (!info) throw new Error('the answer ended without its tandem field');
    turn.answer = { text, info, usage, completionId: id };
    stats.add(recordOf(info, usage));
  } catch (e) {
    turn.error = errorText(e);
  } finally {
    history.save();
    renderTurn(list, turn, actions);
    busy(false);
    refresh();
    if (rebuildAfterAnswer) {
      rebuildAfterAnswer = false;
      void changed(true);
    }
  }
}

/** The same prompt to the server (policy `server`), shown beside the local answer. Offline it
 * is queued (history.ts keeps it across reloads) and replayed when the network is back. */
async function askServerToo(turn: Turn, byUser: boolean): Promise<void> {
  const tandem = session.tandem;
  if (!tandem || !turn.answer) return;
  if (byUser && !turn.feedback) {
    // Asking for the server is feedback too: this prompt wanted it (personal.ts's rule).
    tandem.feedback(turn.answer.completionId, 'ask_server').then(
      (r) => (turn.feedback = r.label ? `router learned: wants the server (${r.before.toFixed(2)} → ${r.after.toFixed(2)})` : undefined),
      () => {},
    );
  }
  if (isOffline(settings)) {
    turn.also = { state: 'queued', note: 'offline: asked when the network is back' };
  } else {
    turn.also = { state: 'asking' };
    renderTurn(list, turn, actions);
    try {
      const c = await tandem.chat.completions.create({
        messages: [{ role: 'user', content: turn.prompt }],
        max_tokens: MAX_TOKENS,
        temperature: 0,
        tandem: { policy: 'server', conversation: `${turn.id}:server` },
      });
      const answer = { text: c.choices[0]?.message.content ?? '', info: c.tandem, usage: c.usage, completionId: c.id };
      if (c.tandem.route === 'server') {
        turn.also = { state: 'done', answer };
        stats.add(recordOf(c.tandem, c.usage));
      } else if (c.tandem.rule === 'offline' || c.tandem.rule === 'server_unreachable') {
        turn.also = { state: 'queued', note: `not reached: ${c.tandem.reason}; asked again when the network is back` };
      } else {
        turn.also = { state: 'kept-local', note: c.tandem.reason };
      }
    } catch (e) {
      turn.also = { state: 'failed', note: errorText(e) };
    }
  }
  history.save();
  renderTurn(list, turn, actions);
  refresh();
}

let replaying = false;
async function replay(): Promise<void> {
  if (replaying || !session.tandem) return;
  replaying = true;
  try {
    for (const t of history.queued()) {
      if (isOffline(settings)) break;
      await askServerToo(t, false);
    }
  } finally {
    replaying = false;
  }
}

async function feedback(turn: Turn, f: 'up' | 'down'): Promise<void> {
  const tandem = session.tandem;
  if (!tandem || !turn.answer) return;
  try {
    const r = await tandem.feedback(turn.answer.completionId, f);
    turn.feedback = r.label
      ? `router learned: ${r.label === 'server' ? 'wants the server' : 'local was enough'} (score ${r.before.toFixed(2)} → ${r.after.toFixed(2)}; ${r.events} events)`
      : `thanks (teaches nothing: ${r.route === 'server' ? 'a server answer' : 'already rated'})`;
  } catch (e) {
    const kind = (e as { kind?: string }).kind;
    turn.feedback = kind === 'invalid_request' ? 'thanks (only answers of policy "route" in this visit teach the router)' : errorText(e);
  }
  history.save();
  renderTurn(list, turn, actions);
  refresh();
}

// ---- start-up ---------------------------------------------------------------------------
async function start(): Promise<void> {
  const load = $<HTMLButtonElement>('load');
  load.disabled = true;
  $('forget').setAttribute('disabled', '');
  const progress = $<HTMLProgressElement>('progress');
  $('load-status').textContent = 'starting the local model…';
  try {
    await session.loadEngine(
      (p) => {
        progress.value = p.totalBytes ? p.loadedBytes / p.totalBytes : 0;
        $('load-status').textContent = `${p.stage}: ${mib(p.loadedBytes)} of ${mib(p.totalBytes)}${p.cachedFiles ? ` (${p.cachedFiles} files from the cache)` : ''}`;
      },
      (reason) => void showEngine().then(() => ($('load-status').textContent += ` — the engine restarted (${reason})`)),
    );
    progress.value = 1;
    $('load-status').textContent = 'reading the router\'s score distribution…';
    await session.calibrate();
    await session.build();
    await showEngine();
    document.body.dataset.ready = 'true';
    load.hidden = true; // running: nothing to press any more
    $<HTMLTextAreaElement>('prompt').disabled = false;
    busy(false);
    // To the message box, unless the user has moved the focus somewhere themselves meanwhile.
    const active = document.activeElement;
    if (!active || active === document.body || active === load) $('prompt').focus();
    await showCache();
    showShare(Number($<HTMLInputElement>('share').value));
    refresh();
    if (!isOffline(settings)) void replay();
  } catch (e) {
    $('load-status').textContent = `the local model did not start: ${errorText(e)}`;
    load.disabled = false;
  }
}

const STORES = { opfs: 'the origin private file system (OPFS)', cache: 'Cache Storage', none: 'nowhere (no storage here)' };

async function showCache(): Promise<boolean> {
  const st = await getModelCacheState(MODEL).catch(() => undefined);
  const cached = st?.cached ?? false;
  $('cache-state').textContent = !st
    ? 'The cache state is unknown (the model manifest could not be read).'
    : cached
      ? `The local model is cached on this device (${st.cachedFiles} files, ${mib(st.cachedBytes)}): it starts with the network off.`
      : `The local model is not cached yet (${st.cachedFiles} of ${st.files} files); it will be kept in ${STORES[st.store]}.`;
  $('forget').toggleAttribute('disabled', !cached);
  return cached;
}

/** The engine's state in one line: model, backend, where it came from, who shares it. */
async function showEngine(): Promise<void> {
  const info = await session.engine?.info();
  if (!info) return;
  const where = info.fromCache ? `from ${STORES[info.store]}` : 'downloaded';
  const shared = info.shared ? `; shared by ${info.clients} tab${info.clients === 1 ? '' : 's'} of this origin` : '';
  const restarts = info.restarts ? `; restarted ${info.restarts}×` : '';
  const storage = info.storageError ? `; not cached: ${info.storageError.message}` : '';
  $('load-status').textContent =
    `${info.model} on ${info.backend}${info.adapter ? ` (${info.adapter})` : ''}, ${where} in ${info.loadMs.toFixed(0)} ms${shared}${restarts}${storage}`;
}

async function boot(): Promise<void> {
  bindControls();
  for (const t of history.turns) renderTurn(list, t, actions);
  refresh();
  const support = await checkSupport({ model: MODEL }).catch(() => undefined);
  if (support) {
    const gpu = support.webgpu
      ? `WebGPU: ${support.gpu?.description || support.gpu?.vendor || 'an adapter'}${support.gpu?.isFallbackAdapter ? ' (software)' : ''}`
      : `no WebGPU (${support.webgpuReason ?? 'unavailable'})`;
    const mem = support.memory ? `; the model is a ${mib(support.memory.downloadBytes)} download, about ${mib(support.memory.totalBytes)} in memory` : '';
    $('support').textContent = `${gpu}; wasm SIMD ${support.wasmSimd ? 'yes' : 'no'}; engine: ${support.recommendedBackend}${mem}.`;
    if (support.recommendedBackend === 'none') {
      $('load-status').textContent = 'This browser can run neither engine (no WebGPU, no wasm SIMD): every request would go to the server.';
    }
  } else {
    $('support').textContent = 'Could not read the model manifest (offline before the first visit?).';
  }
  $<HTMLButtonElement>('load').onclick = () => void start();
  $('forget').onclick = async () => {
    const n = await deleteCachedModel(MODEL).catch(() => 0);
    $('load-status').textContent = `removed ${n} cached files`;
    await showCache();
  };
  $('composer').onsubmit = (ev) => {
    ev.preventDefault();
    const p = $<HTMLTextAreaElement>('prompt');
    if ($<HTMLButtonElement>('send').disabled) return;
    const text = p.value;
    p.value = '';
    void send(text);
  };
  $('prompt').onkeydown = (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      $<HTMLFormElement>('composer').requestSubmit();
    }
  };
  document.querySelector<HTMLAnchorElement>('a.skip')!.onclick = (ev) => {
    ev.preventDefault();
    $('prompt').focus();
  };
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    b.onclick = () => {
      const p = $<HTMLTextAreaElement>('prompt');
      p.value = b.dataset.example ?? '';
      p.focus();
    };
  }
  window.addEventListener('online', () => (refresh(), void replay()));
  window.addEventListener('offline', refresh);
  // A cached model starts by itself (no download to consent to); otherwise the button does.
  if (await showCache()) await start();
  else $<HTMLButtonElement>('load').disabled = support?.recommendedBackend === 'none';
}

// For the browser console (and the e2e test): the session's engine and Tandem.
(window as unknown as { tandemDemo: unknown }).tandemDemo = { session, history, stats };

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('service worker not registered:', e));
}
void boot();
