// The package as Node users load it: by name (self-reference through package.json "exports"),
// as ESM and as CommonJS, synchronously; and a core free of environment-specific imports. (No
// top-level await: esbuild refuses to emit dist/node.cjs from sources that use one, and
// node.mjs is built from the same sources.)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

function node(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
}

describe('Node entry points', () => {
  it("require('realtime-codec') works synchronously", () => {
    const r = node(['-e', "const c = require('realtime-codec'); console.log(c.encode({type:'response.create'}), c.EVENT_TYPES.length)"]);
    expect(r.err).toBe('');
    expect(r.out).toBe('{"type":"response.create","response":null} 9');
  });

  it("import from 'realtime-codec' works with no await, and as the ./node subpath", () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import { decode } from 'realtime-codec'; import * as n from 'realtime-codec/node'; console.log(decode('{\"type\":\"response.cancel\"}').type, typeof n.encode)",
    ]);
    expect(r.err).toBe('');
    expect(r.out).toBe('response.cancel function');
  });

  it("'realtime-codec/beta' is the root module itself, from ESM and CommonJS", () => {
    const same = "const k = Object.keys(a); console.log(a === b, k.length > 40, k.every((n) => a[n] === b[n]), k.join() === Object.keys(b).join(), typeof b.checkServerEvent)";
    const esm = node(['--input-type=module', '-e', `import * as a from 'realtime-codec'; import * as b from 'realtime-codec/beta'; ${same}`]);
    const cjs = node(['-e', `const a = require('realtime-codec'); const b = require('realtime-codec/beta'); ${same}`]);
    expect(esm.err + cjs.err).toBe('');
    expect(esm.out).toBe('true true true true function');
    expect(cjs.out).toBe('true true true true function');
  });

  it('ESM and CJS builds give identical results', () => {
    const script = "const t = '{\"response\":{\"temperature\":0.1},\"type\":\"response.create\"}'; console.log(c.canonicalize(t))";
    const cjs = node(['-e', `const c = require('realtime-codec'); ${script}`]);
    const esm = node(['--input-type=module', '-e', `import * as c from 'realtime-codec'; ${script}`]);
    expect(cjs.out).toBe('{"type":"response.create","response":{"temperature":0.1}}');
    expect(esm.out).toBe(cjs.out);
  });

  it('reads and compiles the wasm on the first call, not at import (and is ready all the same)', () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import * as c from 'realtime-codec'; console.log(c.isInitialized(), c.isServerInitialized(), c.wasmMemoryBytes()); console.log(c.check('{\"type\":\"response.cancel\"}').ok, c.wasmMemoryBytes() > 0)",
    ]);
    expect(r.err).toBe('');
    expect(r.out).toBe('true true 0\ntrue true');
  });

  it('reads the server module on the first server call, and only then', () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import * as c from 'realtime-codec'; const e = '{\"type\":\"input_audio_buffer.cleared\",\"event_id\":\"e\"}'; console.log(c.checkServerEvent(e).ok, c.wasmMemoryBytes() > 0); const s = c.wasmMemoryBytes(); c.check('{\"type\":\"response.cancel\"}'); console.log(c.wasmMemoryBytes() > s)",
    ]);
    expect(r.err).toBe('');
    expect(r.out).toBe('true true\ntrue');
  });

  it("'realtime-codec/ga' works synchronously from require and import, its own module, reading each GA .wasm on first use", () => {
    const body =
      "const m0 = c.wasmMemoryBytes(); console.log(c.EVENT_TYPES.length, c === b || c.decode === b.decode, c.isInitialized(), m0, c.encode({type:'output_audio_buffer.clear'}));" +
      " const m = c.wasmMemoryBytes(); c.checkServerEvent('{\"type\":\"input_audio_buffer.cleared\",\"event_id\":\"e\"}');" +
      " console.log(m > 0, c.wasmMemoryBytes() > m, b.wasmMemoryBytes())";
    const cjs = node(['-e', `const c = require('realtime-codec/ga'); const b = require('realtime-codec'); ${body}`]);
    const esm = node(['--input-type=module', '-e', `import * as c from 'realtime-codec/ga'; import * as b from 'realtime-codec'; ${body}`]);
    // Nothing is read at import; the GA client module is read by the first client call (encode),
    // the server module by the first server call; the beta entry, imported alongside, reads nothing.
    expect(cjs.err + esm.err).toBe('');
    expect(cjs.out).toBe('11 false true 0 {"type":"output_audio_buffer.clear"}\ntrue true 0');
    expect(esm.out).toBe(cjs.out);
  });

  it('keeps the core environment-neutral', () => {
    // Every module of ts/ and ts/ga/ but each protocol's entries (node.ts, browser.ts), the Node
    // entries' loader (node-load.ts) and the CLI; and the four modules' wasm glue.
    const entries = new Set(['node.ts', 'browser.ts', 'cli.ts', 'node-load.ts', 'ga/node.ts', 'ga/browser.ts']);
    const core = ['', 'ga/'].flatMap((dir) => readdirSync(join(root, 'ts', dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}${f}`)).filter((f) => !entries.has(f));
    expect(core).toEqual(expect.arrayContaining(['core.ts', 'codec.ts', 'wasm.ts', 'fast.ts', 'shapes.ts', 'browser-load.ts', 'modules.ts', 'ga/modules.ts', 'ga/core.ts', 'ga/types.ts', 'ga/shapes.ts']));
    const glue = ['realtime_codec', 'realtime_codec_server', 'realtime_codec_ga', 'realtime_codec_ga_server'].map((m) => `wasm/${m}.js`);
    for (const file of [...core.map((f) => `ts/${f}`), ...glue]) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|import\.meta|\bdocument\.|\bwindow\./);
    }
  });
});
