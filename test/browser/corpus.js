// The corpus run inside Chromium, the same code in the page (codec.html) and in the worker
// (worker.js): each input through canonicalize, decode (as a string and as UTF-8 bytes) and check,
// every result as plain data for the test (test/browser.test.ts) to hold against the recorded
// expectations. decode and check take the JavaScript fast path (ts/fast.ts) where it answers.

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

/** Every input through the codec's four read paths. */
export function runCorpus(codec, inputs) {
  const utf8 = new TextEncoder();
  return inputs.map((input) => {
    let check;
    try {
      const r = codec.check(input);
      check = r.ok ? { ok: true, type: r.type } : { ok: false, ...errorOf(r.error) };
    } catch (error) {
      check = { thrown: errorOf(error) };
    }
    return {
      canonicalize: outcome(() => codec.canonicalize(input)),
      decode: outcome(() => codec.decode(input)),
      decodeBytes: outcome(() => codec.decode(utf8.encode(input))),
      check,
    };
  });
}
