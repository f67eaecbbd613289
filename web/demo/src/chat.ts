/** Renders the conversation: one list item per turn, updated in place as an answer streams. */
import type { CollabInfo } from '@tandem-llm/tandem';
import { badgeOf } from './badge';
import type { Answer, Turn } from './history';

export interface ChatActions {
  ask(turn: Turn): void;
  feedback(turn: Turn, f: 'up' | 'down'): void;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** What left the device, exactly (the package's receipt), or that nothing did. */
export function receiptText(info: CollabInfo): string {
  const r = info.privacy;
  if (r) {
    if (!r.sent) {
      const why = r.local_only.length ? ` (local-only: ${r.local_only.join(', ')})` : '';
      return `Nothing was sent to the server${why}.`;
    }
    const red = r.redacted.length ? r.redacted.map((x) => `${x.placeholder} = ${x.type}`).join(', ') : 'nothing';
    return `Sent to the server:\n${JSON.stringify(r.sent, null, 2)}\n\nReplaced on this device: ${red}.`;
  }
  return info.server_calls > 0 ? 'Sent to the server as typed (privacy off).' : 'Nothing was sent to the server.';
}

function answerView(a: Answer | undefined, streaming: string | undefined, label?: string): HTMLElement {
  const art = h('article', 'bot');
  const head = h('header', 'meta');
  if (label) head.append(h('span', 'label', label));
  if (a) {
    const badge = badgeOf(a.info);
    art.dataset.route = badge;
    head.append(h('span', `badge b-${badge}`, badge));
    head.append(h('span', 'reason', a.info.reason));
    const figures = [`${Math.round(a.info.latency_ms)} ms`, `${a.info.local_tokens} local / ${a.info.server_tokens} server tokens`];
    if (a.info.speculative) figures.push(`acceptance ${(100 * a.info.speculative.acceptance_rate).toFixed(0)} %`);
    if (a.info.token_level) figures.push(`${a.info.token_level.deferred} tokens from the server, ${a.info.token_level.changed} changed`);
    head.append(h('span', 'figures', figures.join(' · ')));
  } else {
    head.append(h('span', 'badge b-pending', 'answering…'));
  }
  art.append(head);
  art.append(h('p', 'text', a?.text ?? streaming ?? ''));
  if (a) {
    const d = h('details', 'receipt');
    d.append(h('summary', '', 'Privacy receipt'), h('pre', '', receiptText(a.info)));
    art.append(d);
  }
  return art;
}

export function renderTurn(list: HTMLElement, turn: Turn, actions: ChatActions, streaming?: string): void {
  let li = list.querySelector<HTMLLIElement>(`li[data-turn="${turn.id}"]`);
  if (!li) {
    li = h('li', 'turn');
    li.dataset.turn = turn.id;
    list.append(li);
  }
  const parts: HTMLElement[] = [h('p', 'user', turn.prompt)];
  // The local answer and the server's (when asked too), side by side where there is room.
  const answers = h('div', 'answers');
  if (turn.error) {
    answers.append(h('p', 'error', turn.error));
  } else {
    const main = answerView(turn.answer, streaming);
    if (turn.answer) {
      const acts = h('div', 'actions');
      const isLocal = turn.answer.info.route === 'local';
      if (isLocal && !turn.also) {
        const ask = h('button', 'ask', 'Ask the server too');
        ask.type = 'button';
        ask.onclick = () => actions.ask(turn);
        acts.append(ask);
      }
      // Plain glyphs, not emoji: they render in every font.
      for (const [f, label, sign] of [['up', 'Good answer', '✓ Good'], ['down', 'Bad answer', '✗ Bad']] as const) {
        const b = h('button', `fb ${f}`, sign);
        b.type = 'button';
        b.setAttribute('aria-label', label);
        b.title = `${label}: teaches the router on this device`;
        b.onclick = () => actions.feedback(turn, f);
        acts.append(b);
      }
      if (turn.feedback) acts.append(h('span', 'fb-note', turn.feedback));
      main.append(acts);
    }
    answers.append(main);
  }
  if (turn.also) {
    const also = turn.also.answer ? answerView(turn.also.answer, undefined, 'server too') : h('article', 'bot');
    also.classList.add('server-too');
    also.dataset.state = turn.also.state;
    if (!turn.also.answer) {
      const head = h('header', 'meta');
      head.append(h('span', 'label', 'server too'), h('span', `badge b-${turn.also.state}`, turn.also.state));
      also.append(head);
    }
    if (turn.also.note) also.append(h('p', 'note', turn.also.note));
    answers.append(also);
  }
  parts.push(answers);
  li.replaceChildren(...parts);
}
