// The corpus run inside Chromium, the same code in the page (codec.html) and in the worker
// (worker.js): each input through one direction's canonicalize, decode (as a string and as UTF-8
// bytes) and check, every result as plain data for the test (test/browser.test.ts) to hold
// against the recorded expectations. `client` inputs go through canonicalize/decode/check,
// `server` inputs through canonicalizeServerEvent/decodeServerEvent/checkServerEvent. decode and
// check may take a JavaScript fast path (ts/fast.ts) where it answers.

/** A RealtimeCodecError as plain data, in the corpus's field names; anything else as a crash. */
function errorOf(error) {
  if (error?.name !== 'RealtimeCodecError') return { crash: String(error) };
  return {
    error: {
      code: error.code,
      path: error.path,
      line: error.line,
      column: error.column,
      message: error.reason,
      ...(error.expectedValues ? { expected_values: [...error.expectedValues] } : {}),
    },
  };
}

/** `{ value }` with what `run` returns, or its error as plain data. */
function outcome(run) {
  try {
    return { value: run() };
  } catch (error) {
    return errorOf(error);
  }
}

/** The functions one direction's inputs go through. */
function functionsOf(codec, direction) {
  if (direction === 'client') return { canonicalize: codec.canonicalize, decode: codec.decode, check: codec.check };
  if (direction === 'server') return { canonicalize: codec.canonicalizeServerEvent, decode: codec.decodeServerEvent, check: codec.checkServerEvent };
  throw new Error(`runCorpus: direction ${direction}`);
}

/** Every input through one direction's four read paths. */
export function runCorpus(codec, inputs, direction) {
  const utf8 = new TextEncoder();
  const f = functionsOf(codec, direction);
  return inputs.map((input) => {
    let check;
    try {
      const r = f.check(input);
      check = r.ok ? { ok: true, type: r.type } : { ok: false, ...errorOf(r.error) };
    } catch (error) {
      check = { thrown: errorOf(error) };
    }
    return {
      canonicalize: outcome(() => f.canonicalize(input)),
      decode: outcome(() => f.decode(input)),
      decodeBytes: outcome(() => f.decode(utf8.encode(input))),
      check,
    };
  });
}

/** One ordinary valid call per function of each direction, for the loading tests (`probe`). */
const CLIENT_TEXT = '{"item_id":"x","type":"conversation.item.delete"}';
const SERVER_TEXT = '{"event_id":"e1","type":"input_audio_buffer.cleared","x":1}';
const CALLS = {
  client: {
    canonicalize: (c) => c.canonicalize(CLIENT_TEXT),
    decode: (c) => c.decode(CLIENT_TEXT),
    check: (c) => c.check(CLIENT_TEXT),
    safeDecode: (c) => c.safeDecode(CLIENT_TEXT),
    encode: (c) => c.encode({ type: 'conversation.item.delete', item_id: 'x' }),
    safeEncode: (c) => c.safeEncode({ type: 'conversation.item.delete', item_id: 'x' }),
    diff: (c) => c.diff(CLIENT_TEXT),
  },
  server: {
    canonicalizeServerEvent: (c) => c.canonicalizeServerEvent(SERVER_TEXT),
    decodeServerEvent: (c) => c.decodeServerEvent(SERVER_TEXT),
    checkServerEvent: (c) => c.checkServerEvent(SERVER_TEXT),
    safeDecodeServerEvent: (c) => c.safeDecodeServerEvent(SERVER_TEXT),
    encodeServerEvent: (c) => c.encodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e1' }),
    safeEncodeServerEvent: (c) => c.safeEncodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e1' }),
    diffServerEvent: (c) => c.diffServerEvent(SERVER_TEXT),
  },
};

/** An error as plain data: its name, code and message. */
function plainError(error) {
  return { name: error?.name, code: error?.code, message: error?.message };
}

/**
 * Every function of one direction called once with an ordinary valid input: `{ value }` (a
 * result object's error as plain data) or `{ threw }` with the error's name, code and message.
 */
export function probe(codec, direction) {
  return Object.fromEntries(
    Object.entries(CALLS[direction]).map(([name, call]) => {
      try {
        const value = call(codec);
        return [name, { value: value && value.ok === false ? { ok: false, error: plainError(value.error) } : value }];
      } catch (error) {
        return [name, { threw: plainError(error) }];
      }
    }),
  );
}
