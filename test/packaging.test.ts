// The package as users install it: `npm pack`, then the tarball installed offline into a
// throwaway project, used from Node ESM and CommonJS, the bin, TypeScript (nodenext and bundler,
// strict, no skipLibCheck) and a Vite production build run in Chromium; publint on the package.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('npm package', () => {
  it('holds only what users need', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual([
      'README.md',
      'dist/accepted.d.cts',
      'dist/accepted.d.ts',
      'dist/api.d.cts',
      'dist/api.d.ts',
      'dist/audio.d.cts',
      'dist/audio.d.ts',
      'dist/browser.d.mts',
      'dist/browser.d.ts',
      'dist/browser.mjs',
      'dist/cli.mjs',
      'dist/core.d.cts',
      'dist/core.d.ts',
      'dist/errors.d.cts',
      'dist/errors.d.ts',
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

  it('builds with Vite for production and runs in Chromium', async () => {
    const site = join(work, 'site');
    mkdirSync(site);
    copyFileSync(join(root, 'test/packaging/page.html'), join(site, 'index.html'));
    copyFileSync(join(root, 'test/packaging/main.js'), join(site, 'main.js'));
    // The site resolves 'realtime-codec' from the throwaway project's node_modules (the tarball).
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
    execFileSync('ln', ['-s', join(app, 'node_modules'), join(site, 'node_modules')]);
    const built = run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], site);
    expect(built.err).toBe('');
    expect(built.status).toBe(0);
    const server = await serve(join(site, 'dist'));
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'loading');
      expect(JSON.parse((await page.textContent('#out')) ?? '')).toEqual({
        text: '{"type":"response.create","event_id":"vite","response":null}',
        bad: ['invalid_value', '/session/voice'],
      });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
