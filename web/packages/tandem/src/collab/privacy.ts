/**
 * The privacy pipeline of `createTandem` (tandem-privacy, in this thread's wasm): before a
 * request leaves the device, the personal data in its messages is replaced with placeholders
 * (the same value, the same placeholder, in every message of the conversation), and the
 * server's reply gets the values back, whole or streamed, a placeholder split across chunks
 * included. A class at level `local-only` keeps the request on the device (the rules'
 * `privacy` rule). Every answer's `tandem.privacy` is the receipt: the messages exactly as sent.
 *
 * Nothing is kept between requests: each request redacts its whole conversation, which numbers
 * placeholders by first appearance, so earlier messages keep theirs as the conversation grows.
 */
import { TandemError, toTandemError } from '../errors.js';
import type { ChatMessage } from '../types.js';
import { callWasm as wasm, wasmPrivacy } from '../wasm.js';
import type { WasmPiiType, WasmPrivacyLevel, WasmPrivacyPolicy, WasmSlot } from '../wasm-types.js';

export type PiiType = WasmPiiType;
export type PrivacyLevel = WasmPrivacyLevel;
export type PrivacyPolicy = WasmPrivacyPolicy;
/** `createTandem`'s `privacy`: one level for every class, or a policy per class. */
export type PrivacyOptions = PrivacyLevel | PrivacyPolicy;

/** What left the device, on every answer of a Tandem with `privacy` set. */
export interface PrivacyReceipt {
  /** The messages exactly as sent to the server; null when nothing was sent. */
  sent: ChatMessage[] | null;
  /** What was replaced, by type and placeholder (the values never leave the device). */
  redacted: { type: PiiType; placeholder: string }[];
  /** The local-only classes found: the request stayed on the device. */
  local_only: PiiType[];
}

/** The policy `options.privacy` asks for, checked by the Rust side (an unknown class or level
 * is an error: a misspelt class must not go unprotected); undefined: no redaction. */
export function privacyPolicy(option: unknown): PrivacyPolicy | undefined {
  if (option === undefined || option === null) return undefined;
  const policy = (typeof option === 'string' ? { default: option } : option) as PrivacyPolicy;
  try {
    wasm(() => wasmPrivacy.redactConversation([], policy));
  } catch (e) {
    const t = toTandemError(e);
    if (t.kind === 'panic') throw t;
    throw new TandemError('invalid_options', `options.privacy: ${t.message}`, { cause: e });
  }
  return policy;
}

/** One request's messages, redacted for the server, and the way back. */
export class Redaction {
  /** The messages as the server gets them. */
  readonly messages: ChatMessage[];
  readonly localOnly: PiiType[];
  readonly replaced: { type: PiiType; placeholder: string }[];
  private readonly slots: WasmSlot[];

  constructor(messages: ChatMessage[], policy: PrivacyPolicy) {
    const r = wasm(() => wasmPrivacy.redactConversation(messages.map((m) => m.content), policy));
    this.messages = messages.map((m, i) => ({ ...m, content: r.redacted[i] ?? m.content }));
    this.localOnly = r.local_only;
    this.slots = r.slots;
    this.replaced = r.slots.map((s) => ({ type: s.type, placeholder: s.placeholder }));
  }

  /** The server's text with the values back. */
  restore(text: string): string {
    return this.slots.length ? wasm(() => wasmPrivacy.restorePlaceholders(text, this.slots)) : text;
  }

  /** A restorer for one streamed reply: each chunk's text in, what can be shown out (`last`
   * releases what was held back). */
  restorer(): (chunk: string, last: boolean) => string {
    let pending = '';
    return (chunk, last) => {
      if (!this.slots.length) return chunk;
      const r = wasm(() => wasmPrivacy.restoreChunk(pending, chunk, this.slots, last));
      pending = r.pending;
      return r.ready;
    };
  }

  receipt(sent: boolean): PrivacyReceipt {
    return { sent: sent ? this.messages : null, redacted: this.replaced, local_only: this.localOnly };
  }
}
