/**
 * The canonical append layout: the one event whose canonical text is written and read without
 * serde. An `input_audio_buffer.append` whose `audio` (and `event_id`) are {@link PLAIN} is, as
 * canonical text, exactly `{"type":"input_audio_buffer.append"`, then optionally
 * `,"event_id":"<id>"`, then `,"audio":"<audio>"}`.
 *
 * Rust twin: `crate/src/append.rs` (`is_plain_canonical_append`), which recognises the same text
 * with a byte scan. `encode` and `encodeAudioAppend` write it here; `decode` slices it once Rust
 * has checked it; `check` leaves it to Rust's scan. Internal: nothing here is part of the API.
 * @module
 */
import type { ClientEvent } from './types.js';

/** How a canonical append begins: plainAppend writes it, canonicalAppend and check read it. @internal */
export const APPEND_HEAD = '{"type":"input_audio_buffer.append"';

/** Printable ASCII but `"` and `\`: strings that JSON writes as they are. @internal */
export const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Printable ASCII, `"` and `\` included: one range, which V8 tests faster than PLAIN's three. */
const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * {@link PLAIN}'s test, for long strings (audio): one range, then the two characters it lets
 * through looked for by indexOf (a memchr-like search), faster than PLAIN.test in Node 20 and in
 * Chromium. @internal
 */
export function isPlain(s: string): boolean {
  return PRINTABLE.test(s) && s.indexOf('"') === -1 && s.indexOf('\\') === -1;
}

/**
 * The canonical text of an audio append whose `audio` and `eventId` are {@link PLAIN} (the
 * caller's guarantee). @internal
 */
export function plainAppend(audio: string, eventId: string | undefined): string {
  return eventId === undefined
    ? `${APPEND_HEAD},"audio":"${audio}"}`
    : `${APPEND_HEAD},"event_id":"${eventId}","audio":"${audio}"}`;
}

/**
 * Fast path for the commonest event: a plain object `{type: 'input_audio_buffer.append', audio,
 * event_id?}` whose strings need no escaping has a fully determined canonical text, written here
 * directly (the Rust side recognises the same text without serde). test/properties.test.ts
 * proves it equal to the general path. Anything else returns undefined. @internal
 */
export function plainAppendText(event: unknown): string | undefined {
  if (event === null || typeof event !== 'object' || Object.getPrototypeOf(event) !== Object.prototype) return undefined;
  const e = event as Record<string, unknown>;
  // Each member is read once (a getter's value is the value written) and a read that throws
  // declines: the Rust path then reports it as encode always has (invalid_value, with its path).
  let audio: unknown, id: unknown, toJSON: unknown;
  try {
    // Any other event is left at its tag (the general fast path reads it again, and checks it).
    if (e.type !== 'input_audio_buffer.append') return undefined;
    ({ audio, event_id: id, toJSON } = e);
  } catch {
    return undefined;
  }
  // A toJSON (even not enumerable) is what JSON.stringify, and so the Rust path, writes instead.
  if (typeof audio !== 'string' || toJSON !== undefined) return undefined;
  if (id !== undefined && (typeof id !== 'string' || !PLAIN.test(id))) return undefined;
  // The members JSON.stringify writes are exactly these: a hidden (not enumerable) `type`, `audio`
  // or `event_id` is read above but not written, so counting keys is not enough.
  const keys = Object.keys(e);
  let members = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (key === 'type') members |= 1;
    else if (key === 'audio') members |= 2;
    else if (key === 'event_id') members |= 4;
    else return undefined;
  }
  if (members !== (id === undefined ? 3 : 7)) return undefined;
  if (Object.getOwnPropertySymbols(e).length > 0 || !isPlain(audio)) return undefined;
  return plainAppend(audio, id as string | undefined);
}

/**
 * An audio append that Rust found canonical, without JSON.parse: the large appends (a second of
 * audio or more) that the fast path leaves to Rust. Canonical text with no backslash has no
 * escape, so its strings hold no `"`: `{"type":"input_audio_buffer.append"`, then optionally
 * `,"event_id":"<id>"`, then `,"audio":"<audio>"}`, and each string is a slice of the text.
 * @internal
 */
export function canonicalAppend(text: string): ClientEvent | undefined {
  if (!text.startsWith(APPEND_HEAD) || text.indexOf('\\') !== -1) return undefined;
  let at = APPEND_HEAD.length;
  let eventId: string | undefined;
  if (text.startsWith(',"event_id":"', at)) {
    const end = text.indexOf('"', at + 13);
    eventId = text.slice(at + 13, end);
    at = end + 1;
  }
  if (!text.startsWith(',"audio":"', at) || !text.endsWith('"}')) return undefined;
  const audio = text.slice(at + 10, text.length - 2);
  return eventId === undefined ? { type: 'input_audio_buffer.append', audio } : { type: 'input_audio_buffer.append', event_id: eventId, audio };
}
