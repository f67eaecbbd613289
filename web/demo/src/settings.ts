/** The demo's controls as one plain object, kept in localStorage; `?server=`, `?key=` and
 * `?model=` in the page's URL override the server for that visit (tests, shared links). */
import type { PiiType, Policy, PrivacyLevel } from '@tandem-llm/tandem';

export interface Settings {
  policy: Policy;
  /** The route policy's target share of server calls; null: router.json's own threshold. */
  share: number | null;
  privacy: PrivacyLevel;
  /** Classes that keep a request on the device whatever the level. */
  localOnly: PiiType[];
  offline: boolean;
  metered: boolean;
  rttMs: number;
  baseURL: string;
  apiKey: string;
  model: string;
  /** Dollars per million server tokens, for the dashboard's estimate. */
  pricePerM: number;
}

export const PII_TYPES: PiiType[] = ['email', 'phone', 'credit_card', 'iban', 'ip_address', 'url', 'person', 'street_address'];
const KEY = 'tandem-demo-settings-v1';

export const DEFAULTS: Settings = {
  policy: 'route',
  share: null,
  privacy: 'redact',
  localOnly: ['credit_card', 'iban'],
  offline: false,
  metered: false,
  rttMs: 0,
  baseURL: 'http://127.0.0.1:8000/v1',
  apiKey: '',
  model: 'large',
  pricePerM: 0.6,
};

export function loadSettings(): Settings {
  let stored: Partial<Settings> = {};
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
  } catch {
    // A broken entry is replaced by the defaults at the next save.
  }
  const s: Settings = { ...DEFAULTS, ...stored };
  const q = new URLSearchParams(location.search);
  if (q.get('server')) s.baseURL = q.get('server') as string;
  if (q.get('key') !== null) s.apiKey = q.get('key') as string;
  if (q.get('model')) s.model = q.get('model') as string;
  return s;
}

export function saveSettings(s: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or disabled: the settings last for this visit.
  }
}
