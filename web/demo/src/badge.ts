/** The one word a message's badge shows: who produced the answer, and how. */
import type { CollabInfo } from '@tandem-llm/tandem';

export type Badge = 'local' | 'server' | 'cascade-escalated' | 'speculative' | 'token-defer' | 'fusion';
export const BADGES: Badge[] = ['local', 'server', 'cascade-escalated', 'speculative', 'token-defer', 'fusion'];

export function badgeOf(t: Pick<CollabInfo, 'policy' | 'route' | 'rule' | 'server_calls'>): Badge {
  if (t.policy === 'cascade' && t.route === 'server') return 'cascade-escalated';
  // The token-level policies name the answer when the server took part in it; one the rules kept
  // local (offline, privacy) or the local engine finished alone (server gone) is plainly local.
  if (t.rule === 'server_unreachable') return 'local';
  if ((t.policy === 'speculative' || t.policy === 'token-defer' || t.policy === 'fusion') && t.server_calls > 0) return t.policy;
  return t.route;
}
