// The package as users install it: `npm pack`, then the tarball installed offline into a
// throwaway project, used from Node ESM and CommonJS, the bin, TypeScript (nodenext and bundler,
// strict, no skipLibCheck) and a Vite production build run in Chromium; publint on the package.
// The `beta` subpath is the root module itself; each .wasm is read only by the direction that
// uses it (proved with copies of the installed package missing one of them). The GA entry
// (`realtime-codec/ga`) from ESM, CommonJS and TypeScript; a Node program of one protocol reads
// none of the other's .wasm; a Vite build of a page importing one entry emits exactly that
// protocol's two .wasm files, and runs in Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from './browser/harness.js';
import { root } from './helpers.js';

let work: string;
let app: string;
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'realtime-codec-pack-'));
  packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }))[0];
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, version: '1.0.0' }));
  // --offline: the tarball has no dependencies, so nothing may be fetched.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(work, packed.filename)], { cwd: app, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every client and server function once, and what each gives (the same in both protocols). */
const clientCalls =
  "c.encode({ type: 'response.cancel' }), c.decode('{\"type\":\"response.cancel\"}').type, c.check('{\"type\":\"input_audio_buffer.clear\"}').ok," +
  " c.canonicalize('{\"type\":\"response.cancel\",\"x\":1}'), c.safeDecode('nope').ok, c.diff('{\"type\":\"response.cancel\"}').differences.length," +
  " c.encodeAudioAppend(new Int16Array(2)), c.isInitialized()";
const serverCalls =
  "c.encodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e' }), c.decodeServerEvent('{\"type\":\"input_audio_buffer.cleared\",\"event_id\":\"e\"}').type," +
  " c.checkServerEvent('{\"type\":\"error\"}').ok, c.canonicalizeServerEvent('{\"type\":\"input_audio_buffer.cleared\",\"event_id\":\"e\",\"x\":1}')," +
  " c.safeDecodeServerEvent('nope').ok, c.diffServerEvent('{\"type\":\"input_audio_buffer.cleared\",\"event_id\":\"e\"}').differences.length, c.isServerInitialized()";
const expected = {
  client: ['{"type":"response.cancel"}', 'response.cancel', true, '{"type":"response.cancel"}', false, 0, '{"type":"input_audio_buffer.append","audio":"AAAAAA=="}', true],
  server: ['{"type":"input_audio_buffer.cleared","event_id":"e"}', 'input_audio_buffer.cleared', false, '{"type":"input_audio_buffer.cleared","event_id":"e"}', false, 0, true],
};

/** Runs a program in a copy of the installed package from which the listed .wasm files (paths under dist/) are deleted. */
function withoutWasm(name: string, missing: string[]) {
  const copy = join(work, name);
  cpSync(join(app, 'node_modules'), join(copy, 'node_modules'), { recursive: true });
  for (const f of missing) rmSync(join(copy, 'node_modules/realtime-codec/dist', f));
  return {
    esm: (entry: string, body: string) => run(process.execPath, ['--input-type=module', '-e', `import * as c from '${entry}'; ${body}`], copy),
    cjs: (entry: string, body: string) => run(process.execPath, ['-e', `const c = require('${entry}'); ${body}`], copy),
  };
}

/**
 * A Vite production build of a page whose script is test/packaging/`main`, which must emit
 * exactly the .wasm `modules` (content-hashed names), byte for byte the package's files in `from`.
 */
function viteBuild(name: string, main: string, from: string, modules: string[]): { dist: string } {
  const site = join(work, name);
  mkdirSync(site);
  copyFileSync(join(root, 'test/packaging/page.html'), join(site, 'index.html'));
  copyFileSync(join(root, 'test/packaging', main), join(site, 'main.js'));
  // The site resolves 'realtime-codec' from the throwaway project's node_modules (the tarball).
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  execFileSync('ln', ['-s', join(app, 'node_modules'), join(site, 'node_modules')]);
  const built = run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], site);
  expect(built.err).toBe('');
  expect(built.status).toBe(0);
  const dist = join(site, 'dist');
  const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm')).sort();
  expect(wasm).toEqual(modules.map((m) => expect.stringMatching(new RegExp(`^${m}-[\\w-]+\\.wasm$`))));
  expect(wasm.map((f) => readFileSync(join(dist, 'assets', f)).length)).toEqual(modules.map((m) => readFileSync(join(root, from, `${m}.wasm`)).length));
  return { dist };
}

/** Serves a built site and reads what its page writes into #out, in Chromium. */
async function pageOutput(dist: string): Promise<unknown> {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'loading');
    expect(errors).toEqual([]);
    return JSON.parse((await page.textContent('#out')) ?? '');
  } finally {
    await browser.close();
    await server.close();
  }
}

describe('npm package', () => {
  it('holds only what users need', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual([
      'README.md',
      'dist/accepted.d.cts',
      'dist/accepted.d.ts',
      'dist/audio.d.cts',
      'dist/audio.d.ts',
      'dist/browser.d.mts',
      'dist/browser.d.ts',
      'dist/browser.mjs',
      'dist/cli.mjs',
      'dist/codec.d.cts',
      'dist/codec.d.ts',
      'dist/core.d.cts',
      'dist/core.d.ts',
      'dist/errors.d.cts',
      'dist/errors.d.ts',
      'dist/fast.cjs',
      'dist/ga/browser.d.mts',
      'dist/ga/browser.d.ts',
      'dist/ga/browser.mjs',
      'dist/ga/core.d.cts',
      'dist/ga/core.d.ts',
      'dist/ga/fast.cjs',
      'dist/ga/node.cjs',
      'dist/ga/node.d.cts',
      'dist/ga/node.d.mts',
      'dist/ga/node.d.ts',
      'dist/ga/node.mjs',
      'dist/ga/realtime_codec_ga_bg.wasm',
      'dist/ga/realtime_codec_ga_server_bg.wasm',
      'dist/ga/types.d.cts',
      'dist/ga/types.d.ts',
      'dist/node.cjs',
      'dist/node.d.cts',
      'dist/node.d.mts',
      'dist/node.d.ts',
      'dist/node.mjs',
      'dist/realtime_codec_bg.wasm',
      'dist/realtime_codec_server_bg.wasm',
      'dist/types.d.cts',
      'dist/types.d.ts',
      'package.json',
    ]);
    console.log(`tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${files.length} files`);
  });

  it('passes publint with no errors, warnings or suggestions', async () => {
    const { messages } = await publint({ pkgDir: root, strict: true });
    expect(messages.map((m) => `${m.type}: ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  it('works from Node ESM (import by name, synchronous)', () => {
    writeFileSync(join(app, 'esm.mjs'), "import { encode, decode } from 'realtime-codec';\nconsole.log(encode(decode('{\"type\":\"response.cancel\",\"x\":1}')));\n");
    expect(run(process.execPath, ['esm.mjs'], app)).toEqual({ status: 0, out: '{"type":"response.cancel"}', err: '' });
  });

  it('works from Node CommonJS (require by name)', () => {
    writeFileSync(join(app, 'cjs.cjs'), "const { check } = require('realtime-codec');\nconsole.log(JSON.stringify(check('{\"type\":\"input_audio_buffer.clear\"}')));\n");
    expect(run(process.execPath, ['cjs.cjs'], app)).toEqual({ status: 0, out: '{"ok":true,"type":"input_audio_buffer.clear"}', err: '' });
  });

  it("resolves 'realtime-codec/beta' to the same module as 'realtime-codec', from ESM and CommonJS", () => {
    const check = (a: string, b: string) =>
      `const names = Object.keys(${a}).sort(); const same = names.every((k) => ${a}[k] === ${b}[k]);` +
      ` console.log(JSON.stringify([names.length, names.join() === Object.keys(${b}).sort().join(), same, typeof ${b}.decodeServerEvent]));`;
    writeFileSync(join(app, 'beta.mjs'), `import * as root from 'realtime-codec';\nimport * as beta from 'realtime-codec/beta';\n${check('root', 'beta')}\nconsole.log(root === beta);\n`);
    writeFileSync(join(app, 'beta.cjs'), `const root = require('realtime-codec');\nconst beta = require('realtime-codec/beta');\n${check('root', 'beta')}\nconsole.log(root === beta);\n`);
    for (const file of ['beta.mjs', 'beta.cjs']) {
      const r = run(process.execPath, [file], app);
      expect(r.err, file).toBe('');
      const [first, second] = r.out.split('\n');
      const [count, sameNames, sameObjects, kind] = JSON.parse(first ?? '') as [number, boolean, boolean, string];
      expect(count, file).toBeGreaterThan(40);
      expect([sameNames, sameObjects, kind], file).toEqual([true, true, 'function']);
      // One module instance: the very same namespace (ESM) or exports object (CJS).
      expect(second, file).toBe('true');
    }
  });

  it('exports both .wasm files by subpath, the same bytes as the build', () => {
    const script =
      "const { readFileSync } = require('node:fs'); for (const f of ['realtime_codec_bg.wasm', 'realtime_codec_server_bg.wasm'])" +
      " { const p = require.resolve('realtime-codec/' + f); console.log(f, p.includes('node_modules/realtime-codec/dist/'), readFileSync(p).length); }";
    const r = run(process.execPath, ['-e', script], app);
    expect(r.err).toBe('');
    const size = (f: string) => readFileSync(join(root, 'dist', f)).length;
    expect(r.out).toBe(`realtime_codec_bg.wasm true ${size('realtime_codec_bg.wasm')}\nrealtime_codec_server_bg.wasm true ${size('realtime_codec_server_bg.wasm')}`);
    const esm = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('realtime-codec/realtime_codec_server_bg.wasm'))"], app);
    expect(esm.out).toMatch(/^file:.*\/node_modules\/realtime-codec\/dist\/realtime_codec_server_bg\.wasm$/);
  });

  it('a Node program reads only the .wasm of the direction it uses (each file deleted in a copy)', () => {
    // Two copies of the installed package, each without one module. Every function of the other
    // direction works in it, from ESM and CommonJS; the first call of a function that needs the
    // deleted file fails naming it (so the deletion is real, and the file is read on first use).
    const cases = [
      { keep: 'client', missing: 'realtime_codec_server_bg.wasm', calls: clientCalls, other: "c.decodeServerEvent('{}')" },
      { keep: 'server', missing: 'realtime_codec_bg.wasm', calls: serverCalls, other: "c.decode('{}')" },
    ] as const;
    for (const { keep, missing, calls, other } of cases) {
      const copy = withoutWasm(`only-${keep}`, [missing]);
      const esm = copy.esm('realtime-codec', `console.log(JSON.stringify([${calls}]))`);
      expect(esm.err, `${keep} only, ESM`).toBe('');
      expect(JSON.parse(esm.out), `${keep} only, ESM`).toEqual(expected[keep]);
      const cjs = copy.cjs('realtime-codec', `console.log(JSON.stringify([${calls}]))`);
      expect(cjs.err, `${keep} only, CJS`).toBe('');
      expect(JSON.parse(cjs.out), `${keep} only, CJS`).toEqual(expected[keep]);
      const needs = copy.esm('realtime-codec', `${calls}; ${other}`);
      expect(needs.status, `${keep} only, then the other direction`).not.toBe(0);
      expect(needs.err).toContain(missing);
    }
  });

  it("'realtime-codec/ga' works from Node ESM and CommonJS, synchronously, and is not the beta module", () => {
    const script =
      "console.log(JSON.stringify([c.encode({ type: 'session.update', session: { type: 'realtime' } }), c.decodeServerEvent('{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\",\"output_index\":0,\"content_index\":0,\"delta\":\"A\",\"obfuscation\":\"x\"}').type," +
      " c.check('{\"type\":\"session.update\",\"session\":{}}').error.code, c.EVENT_TYPES.length, c.SERVER_EVENT_TYPES.length, c.decode !== b.decode, c.RealtimeCodecError !== undefined]))";
    const want = ['{"type":"session.update","session":{"type":"realtime"}}', 'response.output_audio.delta', 'missing_field', 11, 43, true, true];
    const esm = run(process.execPath, ['--input-type=module', '-e', `import * as c from 'realtime-codec/ga'; import * as b from 'realtime-codec'; ${script}`], app);
    expect(esm.err).toBe('');
    expect(JSON.parse(esm.out)).toEqual(want);
    const cjs = run(process.execPath, ['-e', `const c = require('realtime-codec/ga'); const b = require('realtime-codec'); ${script}`], app);
    expect(cjs.err).toBe('');
    expect(JSON.parse(cjs.out)).toEqual(want);
    const resolved = run(process.execPath, ['-e', "console.log(require.resolve('realtime-codec/ga'), require.resolve('realtime-codec/realtime_codec_ga_server_bg.wasm'))"], app);
    expect(resolved.out).toMatch(/node_modules\/realtime-codec\/dist\/ga\/node\.cjs .*node_modules\/realtime-codec\/dist\/ga\/realtime_codec_ga_server_bg\.wasm$/);
  });

  it('a Node program of one protocol reads none of the other\'s .wasm, and each GA module only on first use', () => {
    const beta = ['realtime_codec_bg.wasm', 'realtime_codec_server_bg.wasm'];
    const ga = ['ga/realtime_codec_ga_bg.wasm', 'ga/realtime_codec_ga_server_bg.wasm'];
    const all = `console.log(JSON.stringify([${clientCalls}, ${serverCalls}]))`;
    const both = [...expected.client, ...expected.server];
    // One protocol only, with none of the other's .wasm in the package: every function works;
    // the other entry imports, then fails on its first call naming its file.
    for (const [name, entry, other, missing, call, file] of [
      ['GA only', 'realtime-codec/ga', 'realtime-codec', beta, "c.decode('{}')", 'realtime_codec_bg.wasm'],
      ['beta only', 'realtime-codec', 'realtime-codec/ga', ga, "c.decodeServerEvent('{}')", 'realtime_codec_ga_server_bg.wasm'],
    ] as const) {
      const copy = withoutWasm(name.replace(' ', '-'), [...missing]);
      for (const [how, r] of [['ESM', copy.esm(entry, all)], ['CJS', copy.cjs(entry, all)]] as const) {
        expect(r.err, `${name}, ${how}`).toBe('');
        expect(JSON.parse(r.out), `${name}, ${how}`).toEqual(both);
      }
      const then = copy.esm(other, `console.log('imported'); ${call}`);
      expect(then.out, name).toBe('imported');
      expect(then.err, name).toContain(file);
    }
    // Each GA module alone: the other direction's file is read on its first call, not before.
    for (const [keep, missing, calls, other] of [
      ['client', ga[1]!, clientCalls, "c.decodeServerEvent('{}')"],
      ['server', ga[0]!, serverCalls, "c.decode('{}')"],
    ] as const) {
      const copy = withoutWasm(`ga-${keep}`, [missing]);
      const r = copy.cjs('realtime-codec/ga', `console.log(JSON.stringify([${calls}]))`);
      expect(r.err, `GA ${keep} only`).toBe('');
      expect(JSON.parse(r.out), `GA ${keep} only`).toEqual(expected[keep]);
      const needs = copy.esm('realtime-codec/ga', `${calls}; ${other}`);
      expect(needs.status).not.toBe(0);
      expect(needs.err).toContain(missing.slice(3));
    }
  });

  it('installs the CLI as a bin', () => {
    const r = run(join(app, 'node_modules/.bin/realtime-codec'), ['check', '-'], app, '{"type":"response.create"}');
    expect(r.status).toBe(0);
    expect(r.out).toBe('<stdin>:1: ok response.create');
  });

  it.each([
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext', files: ['consumer.mts', 'consumer.cts'] }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler', files: ['consumer.mts'] }],
  ])('type-checks against the shipped .d.ts (strict, moduleResolution %s)', (name, { module, moduleResolution, files }) => {
    for (const file of ['consumer.mts', 'consumer.cts']) copyFileSync(join(root, 'test/packaging', file), join(app, file));
    const config = join(app, `tsconfig.${name}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          module,
          moduleResolution,
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
        },
        files,
      }),
    );
    const r = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], app);
    expect(r.out + r.err).toBe('');
    expect(r.status).toBe(0);
  });

  it('builds with Vite for production and runs in Chromium; a page of the beta entry emits only the beta .wasm files', async () => {
    // Both modules emitted (content-hashed names), byte for byte the package's files, and no GA one.
    const { dist } = viteBuild('site', 'main.js', 'dist', ['realtime_codec_bg', 'realtime_codec_server_bg']);
    expect(await pageOutput(dist)).toEqual({
      text: '{"type":"response.create","event_id":"vite","response":null}',
      bad: ['invalid_value', '/session/voice'],
      server: { type: 'response.audio.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'AAAA' },
      serverBad: ['invalid_type', '/previous_item_id'],
      betaSame: true,
    });
  }, 120_000);

  it("a Vite build of a page importing only 'realtime-codec/ga' emits exactly the two GA .wasm files, and decodes in Chromium", async () => {
    const { dist } = viteBuild('site-ga', 'main-ga.js', 'dist/ga', ['realtime_codec_ga_bg', 'realtime_codec_ga_server_bg']);
    expect(await pageOutput(dist)).toEqual({
      text: '{"type":"session.update","event_id":"vite","session":{"type":"realtime","instructions":"hi"}}',
      bad: ['missing_field', '/session/type'],
      // The crate drops the service's `obfuscation`.
      server: { type: 'response.output_audio.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'AAAA' },
      serverBad: ['unknown_event_type', '/type'],
      ready: [true, true],
    });
  }, 120_000);
});
