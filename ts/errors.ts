/**
 * The error every failing call reports, for client and server events alike.
 * @module
 */

/**
 * Stable, machine-readable reasons; the same strings in Rust (`ErrorCode`), the vectors and the CLI.
 * `not_initialized` is the JavaScript side's own: the browser entry used before `init()` resolved.
 */
export const ERROR_CODES = [
  'syntax',
  'invalid_unicode',
  'too_deep',
  'too_large',
  'unknown_event_type',
  'missing_field',
  'duplicate_field',
  'invalid_type',
  'invalid_value',
  'out_of_range',
  'not_initialized',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** {@link ErrorCode}, by its first name. */
export type ClientEventErrorCode = ErrorCode;

/** The properties of a {@link RealtimeCodecError}, as plain data. */
export interface ErrorDetails {
  code: ErrorCode;
  /** serde's own explanation, without position (e.g. ``missing field `audio` ``). */
  reason: string;
  /** JSON pointer (RFC 6901) to the offending value, `""` for the whole input. For a missing field, the missing member. */
  path: string;
  /** 1-based line of the offending value in the input; 0 when there is no position (too large, or from `encode`). */
  line: number;
  /** 1-based column, counted in UTF-8 bytes as serde_json does; 0 when there is no position (and, as serde_json reports it, for a syntax error at the very start of a line, such as the empty input). */
  column: number;
  /** What serde expected, in its words (`u32`, ``one of `alloy`, `ash` ``, ...). */
  expected?: string;
  /** The allowed spellings, when the value must be one of a closed list. */
  expectedValues?: readonly string[];
  /** What was found, in serde's words (``string "x"``, ``integer `-1` ``). */
  received?: string;
}

/** {@link ErrorDetails}, by its first name. */
export type ClientEventErrorDetails = ErrorDetails;

/**
 * The brand every RealtimeCodecError carries, in the global symbol registry: each protocol's
 * entry (`realtime-codec`, `realtime-codec/ga`) is its own bundle with its own copy of the class,
 * and `instanceof` against any copy must see errors made by every other.
 */
const BRAND: unique symbol = Symbol.for('realtime-codec/RealtimeCodecError') as never;

/**
 * Thrown (or returned by the `safe*` / `check` forms) when an input is not a valid client or
 * server event. One class for both directions and both protocols: {@link ClientEventError} and
 * {@link ServerEventError} are this class under other names, and an error from the GA entry is
 * an `instanceof` the beta entry's class (and the reverse). Its `name` is `'RealtimeCodecError'`.
 *
 * @example
 * ```ts
 * try { decode('{"type":"session.update","session":{"voice":"sage"}}') }
 * catch (e) {
 *   if (e instanceof RealtimeCodecError) console.log(e.code, e.path) // invalid_value /session/voice
 * }
 * ```
 */
export class RealtimeCodecError extends Error implements ErrorDetails {
  override name = 'RealtimeCodecError';
  readonly code: ErrorCode;
  readonly reason: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly expected?: string;
  readonly expectedValues?: readonly string[];
  readonly received?: string;

  /** Errors from any entry's copy of this class (see BRAND); a subclass keeps the ordinary prototype check. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== RealtimeCodecError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  constructor(details: ErrorDetails, options?: { cause?: unknown }) {
    super(describe(details), options);
    Object.defineProperty(this, BRAND, { value: true });
    this.code = details.code;
    this.reason = details.reason;
    this.path = details.path;
    this.line = details.line;
    this.column = details.column;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.expectedValues !== undefined) this.expectedValues = details.expectedValues;
    if (details.received !== undefined) this.received = details.received;
  }

  /** The details as plain JSON-ready data (for logs, the CLI's `--json`, or a worker's postMessage). */
  toJSON(): ErrorDetails {
    const { code, reason, path, line, column, expected, expectedValues, received } = this;
    return { code, reason, path, line, column, expected, expectedValues, received };
  }
}

function describe(d: ErrorDetails): string {
  const where = d.path === '' ? 'at the root' : `at ${d.path}`;
  const position = d.line > 0 ? ` (line ${d.line}, column ${d.column})` : '';
  return `${d.reason} ${where}${position} [${d.code}]`;
}

/**
 * The error class by the name it had before server events: the same class as
 * {@link RealtimeCodecError}, so code that catches `ClientEventError` catches errors from either
 * direction.
 */
export const ClientEventError = RealtimeCodecError;
/** {@link RealtimeCodecError}, by its first name. */
export type ClientEventError = RealtimeCodecError;
/** The error class under its server-event name: the same class as {@link RealtimeCodecError}. */
export const ServerEventError = RealtimeCodecError;
/** {@link RealtimeCodecError}, by its server-event name. */
export type ServerEventError = RealtimeCodecError;

/**
 * Whether `value` is a {@link RealtimeCodecError}, also across realms and bundled copies (which
 * `instanceof` cannot see), including one from a release that named it `ClientEventError`.
 */
export function isRealtimeCodecError(value: unknown): value is RealtimeCodecError {
  return (
    value instanceof RealtimeCodecError ||
    (value instanceof Error &&
      (value.name === 'RealtimeCodecError' || value.name === 'ClientEventError') &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** {@link isRealtimeCodecError}, by its first name. */
export const isClientEventError = isRealtimeCodecError;
