/** Fills the dashboard from the answers' records (stats.ts) and the router's calibration. */
import { BADGES } from './badge';
import { bars, histogram } from './charts';
import type { Session } from './session';
import type { Settings } from './settings';
import type { Summary } from './stats';

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

export function renderDashboard(s: Summary, settings: Settings, session: Session): void {
  $('fig-local').textContent = s.answers ? `${pct(s.local / s.answers)} of ${s.answers}` : '–';
  $('fig-tokens').textContent = s.answers ? `${s.localTokens} / ${s.serverTokens}` : '–';
  const dollars = (s.savedTokens * settings.pricePerM) / 1e6;
  $('fig-saved').textContent = s.answers ? `$${dollars.toFixed(dollars < 0.01 ? 6 : 2)} (${s.savedTokens} tokens)` : '–';
  $('fig-accept').textContent = s.drafted ? `${pct(s.accepted / s.drafted)} of ${s.drafted} drafted` : '–';
  bars($('chart-routes'), BADGES.map((b) => ({ label: b, value: s.byBadge[b], cls: `b-${b}` })), (v) => String(v));
  bars(
    $('chart-tokens'),
    [
      { label: 'local', value: s.localTokens, cls: 'b-local' },
      { label: 'server', value: s.serverTokens, cls: 'b-server' },
    ],
    (v) => String(v),
  );
  bars(
    $('chart-latency'),
    BADGES.filter((b) => s.meanLatency[b] !== undefined).map((b) => ({ label: b, value: s.meanLatency[b] ?? 0, cls: `b-${b}` })),
    (v) => `${v.toFixed(0)} ms`,
  );
  const cal = session.calibration;
  histogram($('chart-scores'), cal?.scores ?? [], s.routerScores, session.threshold);
  $('threshold-note').textContent = session.threshold !== undefined ? `(threshold ${session.threshold.toFixed(2)})` : '';
}
