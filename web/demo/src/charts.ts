/** Small SVG charts (no library): horizontal bars and a histogram with a threshold line. Colours
 * come from CSS classes, so light and dark themes restyle them; every chart has a text label. */
const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface Bar {
  label: string;
  value: number;
  /** CSS class of the bar (its colour). */
  cls: string;
}

/** One row per bar, scaled to the largest; `format` writes the value beside it. */
export function bars(host: HTMLElement, items: Bar[], format: (v: number) => string): void {
  if (items.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'no answers yet';
    host.replaceChildren(p);
    return;
  }
  const rowH = 22;
  const w = 320;
  const labelW = 120;
  const max = Math.max(1e-9, ...items.map((b) => b.value));
  const svg = el('svg', { viewBox: `0 0 ${w} ${items.length * rowH}`, role: 'img', class: 'bars' });
  svg.setAttribute('aria-label', items.map((b) => `${b.label}: ${format(b.value)}`).join('; '));
  items.forEach((b, i) => {
    const y = i * rowH;
    svg.append(el('text', { x: 0, y: y + 15, class: 'label' }, b.label));
    const len = ((w - labelW - 60) * b.value) / max;
    svg.append(el('rect', { x: labelW, y: y + 4, width: Math.max(len, b.value > 0 ? 2 : 0), height: rowH - 8, rx: 3, class: `bar ${b.cls}` }));
    svg.append(el('text', { x: labelW + len + 6, y: y + 15, class: 'value' }, format(b.value)));
  });
  host.replaceChildren(svg);
}

/** A histogram of scores in [0, 1] (`base`: the calibration prompts, `live`: this session's
 * requests, drawn over it) with the router's threshold. */
export function histogram(host: HTMLElement, base: number[], live: number[], threshold: number | undefined): void {
  const bins = 20;
  const w = 320;
  const h = 110;
  const count = (xs: number[]) => {
    const c = new Array<number>(bins).fill(0);
    for (const x of xs) c[Math.min(bins - 1, Math.max(0, Math.floor(x * bins)))]++;
    return c;
  };
  const cb = count(base);
  const cl = count(live);
  const max = Math.max(1, ...cb.map((v, i) => Math.max(v / Math.max(1, base.length), cl[i] / Math.max(1, live.length))));
  const svg = el('svg', { viewBox: `0 0 ${w} ${h + 16}`, role: 'img', class: 'hist' });
  svg.setAttribute(
    'aria-label',
    `router scores: ${base.length} calibration prompts, ${live.length} of your requests` +
      (threshold !== undefined ? `; threshold ${threshold.toFixed(2)}` : ''),
  );
  const bw = w / bins;
  cb.forEach((v, i) => {
    const bh = (h * v) / Math.max(1, base.length) / max;
    svg.append(el('rect', { x: i * bw + 1, y: h - bh, width: bw - 2, height: bh, class: 'bar base' }));
  });
  cl.forEach((v, i) => {
    const bh = (h * v) / Math.max(1, live.length) / max;
    if (v) svg.append(el('rect', { x: i * bw + bw / 4, y: h - bh, width: bw / 2, height: bh, class: 'bar live' }));
  });
  if (threshold !== undefined) {
    svg.append(el('line', { x1: threshold * w, x2: threshold * w, y1: 0, y2: h, class: 'threshold' }));
  }
  svg.append(el('text', { x: 0, y: h + 13, class: 'label' }, '0 (local)'));
  svg.append(el('text', { x: w, y: h + 13, class: 'label end' }, '1 (server)'));
  host.replaceChildren(svg);
}
