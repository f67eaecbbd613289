// The example: checkSupport, createEngine with progress, a streamed chat completion with abort.
import { checkSupport, createEngine, deleteCachedModel } from '/web/packages/tandem/dist/index.js';

const $ = (id) => document.getElementById(id);
let engine;
let controller;

const support = await checkSupport();
$('support').textContent = support.webgpu
  ? `WebGPU: ${support.gpu.description || support.gpu.vendor || 'adapter'}${support.gpu.isFallbackAdapter ? ' (software)' : ''}, f16 ${support.gpu.f16 ? 'yes' : 'no'}, subgroups ${support.gpu.subgroups ? 'yes' : 'no'}.`
  : `No WebGPU (${support.webgpuReason}); the CPU engine will run.`;

$('load').onclick = async () => {
  $('send').disabled = true;
  await engine?.unload();
  engine = undefined;
  const model = $('model').value;
  const est = (await checkSupport({ model })).memory;
  $('status').textContent = `needs about ${(est.totalBytes / 2 ** 20).toFixed(1)} MiB; loading…`;
  try {
    engine = await createEngine({
      model,
      backend: $('backend').value,
      onProgress: (p) => {
        $('progress').value = p.totalBytes ? p.loadedBytes / p.totalBytes : 0;
      },
      onBackendChange: (b, why) => ($('status').textContent = `moved to ${b}: ${why}`),
    });
    const info = await engine.info();
    $('status').textContent = `${info.model} on ${info.backend}${info.adapter ? ` (${info.adapter})` : ''}` +
      `${info.fallbackReason ? ` — GPU not used: ${info.fallbackReason}` : ''}; ` +
      `${info.fromCache ? 'from Cache Storage' : 'downloaded'} in ${info.loadMs.toFixed(0)} ms`;
    $('send').disabled = false;
  } catch (e) {
    $('status').textContent = `${e.kind ?? e.name}: ${e.message}`;
  }
};

$('forget').onclick = async () => {
  const n = await deleteCachedModel($('model').value);
  $('status').textContent = `deleted ${n} cached entries`;
};

$('send').onclick = async () => {
  controller = new AbortController();
  $('stop').disabled = false;
  $('send').disabled = true;
  $('out').textContent = '';
  const t0 = performance.now();
  let n = 0;
  try {
    const stream = await engine.chat.completions.create({
      messages: [{ role: 'user', content: $('prompt').value }],
      stream: true,
      max_tokens: Number($('max').value),
      temperature: Number($('temp').value),
      signal: controller.signal,
    });
    for await (const chunk of stream) {
      const tok = chunk.tandem?.tokens?.[0];
      const text = chunk.choices[0]?.delta?.content;
      if (tok) n++;
      if (text) {
        const span = document.createElement('span');
        span.textContent = text;
        const h = Math.max(0, 120 - 40 * (tok?.entropy ?? 0));
        span.style.borderBottomColor = `hsl(${h} 70% 45%)`;
        span.title = `logprob ${tok?.logprob.toFixed(2)}, entropy ${tok?.entropy.toFixed(2)}`;
        $('out').append(span);
      }
      if (chunk.choices[0]?.finish_reason) {
        const s = (performance.now() - t0) / 1000;
        $('status').textContent = `${n} tokens in ${s.toFixed(2)} s (${(n / s).toFixed(1)} tok/s), finish: ${chunk.choices[0].finish_reason} on ${chunk.tandem?.backend}`;
      }
    }
  } catch (e) {
    $('status').textContent = e.name === 'AbortError' ? 'stopped' : `${e.kind ?? e.name}: ${e.message}`;
  } finally {
    $('stop').disabled = true;
    $('send').disabled = false;
  }
};

$('stop').onclick = () => controller?.abort();
