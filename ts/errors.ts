/**
 * The error every failing call reports.
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
export type ClientEventErrorCode = (typeof ERROR_CODES)[number];

/** The properties of a {@link ClientEventError}, as plain data. */
export interface ClientEventErrorDetails {
  code: ClientEventErrorCode;
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

/**
 * Thrown (or returned by the `safe*` / `check` forms) when an input is not a valid client event.
 *
 * @example
 * ```ts
 * try { decode('{"type":"session.update","session":{"voice":"sage"}}') }
 * catch (e) {
 *   if (e instanceof ClientEventError) console.log(e.code, e.path) // invalid_value /session/voice
 * }
 * ```
 */
export class ClientEventError extends Error implements ClientEventErrorDetails {
  override name = 'ClientEventError';
  readonly code: ClientEventErrorCode;
  readonly reason: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly expected?: string;
  readonly expectedValues?: readonly string[];
  readonly received?: string;

  constructor(details: ClientEventErrorDetails, options?: { cause?: unknown }) {
    super(describe(details), options);
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
  toJSON(): ClientEventErrorDetails {
    const { code, reason, path, line, column, expected, expectedValues, received } = this;
    return { code, reason, path, line, column, expected, expectedValues, received };
  }
}

function describe(d: ClientEventErrorDetails): string {
  const where = d.path === '' ? 'at the root' : `at ${d.path}`;
  const position = d.line > 0 ? ` (line ${d.line}, column ${d.column})` : '';
  return `${d.reason} ${where}${position} [${d.code}]`;
}

/** Whether `value` is a {@link ClientEventError} (also across realms and bundled copies). */
export function isClientEventError(value: unknown): value is ClientEventError {
  return (
    value instanceof ClientEventError ||
    (value instanceof Error && value.name === 'ClientEventError' && typeof (value as { code?: unknown }).code === 'string')
  );
}
