#!/usr/bin/env node
// @ts-check
// Builds the npm package into dist/ from ts/ and the wasm/ output of scripts/lib/build-wasm.sh
// (both run by scripts/build-all.sh; `npm run build` runs this step alone):
//   1. esbuild: dist/node.mjs (ESM), dist/node.cjs (CommonJS), dist/browser.mjs (the beta protocol),
//      the same three in dist/ga/ (the GA protocol, `realtime-codec/ga`), dist/cli.mjs (the bin)
//   2. the four .wasm modules (client and server events of each protocol), copied beside the
//      entries that read them: each protocol's entries only ever name their own two
//   3. tsc: .d.ts declarations, plus .d.cts twins so that `require` users get CommonJS types
//      (and .d.mts twins for importers of dist/*.mjs by path)
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const step = (/** @type {string} */ s) => console.log(`\n\x1b[1m==> ${s}\x1b[0m`);

/** Each .wasm and the dist/ folder of the entries that load it. @type {[string, string][]} */
const WASM = [
  ['realtime_codec_bg.wasm', ''],
  ['realtime_codec_server_bg.wasm', ''],
  ['realtime_codec_ga_bg.wasm', 'ga'],
  ['realtime_codec_ga_server_bg.wasm', 'ga'],
];
for (const [file] of WASM) {
  if (!existsSync(join(root, 'wasm', file))) {
    console.error(`wasm/${file} is missing: run scripts/build-all.sh (or scripts/lib/build-wasm.sh) first`);
    process.exit(1);
  }
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'ga'), { recursive: true });

step('build 1/3: esbuild bundles');
/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
const shim = join(root, 'scripts/lib/cjs-import-meta-url.js');

/**
 * Node builds: each wasm-bindgen glue module (wasm/realtime_codec*.js) runs its top-level
 * statements on its first use instead of at import, and a bundle's two glue modules share one
 * copy of their code. Their exports become bindings that evaluate the glue on their first call
 * and then rebind to the glue's own functions (live bindings: the bridge reads them through the
 * module namespace, so after the first call it calls them directly). The glue of every module is
 * the same code but for its own names (the wasm import module "./<name>_bg.js" and the exports
 * of its closure shims, `__wasm_bindgen_func_elem_<n>`): with those taken out as parameters, two
 * modules whose glue is then the same text share one function, evaluated once per module (each
 * evaluation has its own state: heap, memory views, instance). The top level it defers (classes,
 * finalization registries, a 1 KiB heap array, a TextDecoder) is about a tenth of a millisecond
 * per module of a cold import and the second copy's parse a little more; nothing uses the glue
 * before a bridge's first call (initSync). Browsers keep the glue as generated.
 * @type {import('esbuild').Plugin}
 */
const lazyGlue = {
  name: 'lazy-glue',
  setup(b) {
    /** Shared glue bodies of this build, by their text. @type {Map<string, string>} */
    const shared = new Map();
    b.onLoad({ filter: /[\\/]wasm[\\/]realtime_codec\w*\.js$/ }, (args) => ({ contents: lazyGlueSource(readFileSync(args.path, 'utf8'), args.path, shared), loader: 'js', resolveDir: dirname(args.path) }));
    b.onResolve({ filter: /^lazy-glue:\d+$/ }, (args) => ({ path: args.path, namespace: 'lazy-glue' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-glue' }, (args) => {
      const text = [...shared].find(([, id]) => id === args.path)?.[0];
      if (text === undefined) throw new Error(`lazy-glue: no shared glue ${args.path}`);
      return { contents: text, loader: 'js' };
    });
  },
};
/**
 * Node builds: the generated shape tables (ts/shapes.ts, ts/ga/shapes.ts: plain JSON data the
 * fast paths compile on their first call) as JSON.parse of their JSON text rather than object
 * literals: V8 reads JSON text several times faster than the same object literal, parsed and
 * built at import. The values are the same (checked: each export's JSON round-trips to itself).
 * Browsers keep the literals.
 * @type {import('esbuild').Plugin}
 */
const jsonShapes = {
  name: 'json-shapes',
  setup(b) {
    b.onLoad({ filter: /[\\/]ts[\\/](ga[\\/])?shapes\.ts$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'ts', format: 'esm' });
      if (/^\s*import\b/m.test(code)) throw new Error(`${args.path}: json-shapes expects a module with no runtime imports`);
      /** @type {Record<string, unknown>} */
      const values = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      const lines = Object.entries(values).map(([name, value]) => {
        const json = JSON.stringify(value);
        if (!IDENT.test(name) || json === undefined || !sameJson(value, JSON.parse(json))) throw new Error(`${args.path}: export ${name} is not plain JSON data`);
        return `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(json)});`;
      });
      return { contents: `${lines.join('\n')}\n`, loader: 'js' };
    });
  },
};
/** Whether `a` is plain JSON data equal to `b` (own enumerable keys in the same order). @param {unknown} a @param {unknown} b @returns {boolean} */
function sameJson(a, b) {
  if (a === null || typeof a !== 'object') return (typeof a === 'string' || typeof a === 'boolean' || a === null || (typeof a === 'number' && Number.isFinite(a))) && Object.is(a, b);
  if (b === null || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson(/** @type {Record<string, unknown>} */ (a)[k], /** @type {Record<string, unknown>} */ (b)[k]));
}
const IDENT = /^[A-Za-z_$][\w$]*$/;
/**
 * The glue's source, its evaluation deferred and its code in a shared module. Fails the build on
 * a glue of any other shape. @param {string} source @param {string} file @param {Map<string, string>} shared
 */
function lazyGlueSource(source, file, shared) {
  /** @type {[string, string][]} [local name, exported name] */
  const names = [];
  /** @type {Set<string>} */
  const classes = new Set();
  let body = source.replace(/^export (function|class) ([A-Za-z_$][\w$]*)/gm, (_, keyword, name) => {
    names.push([name, name]);
    if (keyword === 'class') classes.add(name);
    return `${keyword} ${name}`;
  });
  body = body.replace(/^export \{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const part of list.split(',')) {
      const [local, exported = local] = part.trim().split(/\s+as\s+/);
      if (!IDENT.test(local ?? '') || !IDENT.test(exported)) throw new Error(`${file}: unexpected export ${part}`);
      names.push([/** @type {string} */ (local), exported]);
    }
    return '';
  });
  if (/^\s*(export|import)\b|\$glue[A-Z]/m.test(body)) throw new Error(`${file}: a glue module of an unexpected shape (an export or import the lazy-glue step does not rewrite)`);
  for (const needed of ['initSync', 'default', 'inputBuffer', 'canonicalize', 'validate']) {
    if (!names.some(([, exported]) => exported === needed)) throw new Error(`${file}: the glue exports no ${needed}`);
  }
  // The module's own names, as parameters: its wasm import module, its closure shims' exports.
  const importModules = [...body.matchAll(/^\s*"(\.\/\w+_bg\.js)": import0,$/gm)].map((m) => m[1]);
  if (importModules.length !== 1) throw new Error(`${file}: expected one "./<name>_bg.js": import0 in the glue's imports, found ${importModules.length}`);
  body = body.replace(/^(\s*)"\.\/\w+_bg\.js": import0,$/m, '$1[$glueImportModule]: import0,');
  const elems = [...new Set([...body.matchAll(/\b__wasm_bindgen_func_elem_\d+\b/g)].map((m) => m[0]))];
  elems.forEach((elem, k) => {
    body = body.replaceAll(`wasm.${elem}(`, `wasm[$glueElem${k}](`).replace(new RegExp(`\\b${elem}\\b`, 'g'), `$glueShim${k}`);
  });
  if (/__wasm_bindgen_func_elem_/.test(body)) throw new Error(`${file}: a closure shim the lazy-glue step does not rewrite`);
  // Whole-line comments differ between modules (wasm-bindgen notes each shim's index): dropped.
  body = body.replace(/^[ \t]*\/\/.*\n/gm, '');
  const binding = (/** @type {string} */ exported) => (exported === 'default' ? '$default' : exported);
  const params = ['$glueImportModule', ...elems.map((_, k) => `$glueElem${k}`)];
  const text = [
    `export function evaluateGlue(${params.join(', ')}) {`,
    body.replace(/^\/\* @ts-self-types="[^"]*" \*\/$/m, ''),
    `return { ${names.map(([local, exported]) => `${binding(exported)}: ${local}`).join(', ')} };`,
    '}',
    '',
  ].join('\n');
  let id = shared.get(text);
  if (id === undefined) shared.set(text, (id = `lazy-glue:${shared.size}`));
  return [
    `import { evaluateGlue } from ${JSON.stringify(id)};`,
    'let evaluated = false;',
    'function load() {',
    '  if (evaluated) return;',
    `  const glue = evaluateGlue(${[/** @type {string} */ (importModules[0]), ...elems].map((a) => JSON.stringify(a)).join(', ')});`,
    '  evaluated = true;',
    ...names.map(([, exported]) => `  ${binding(exported)} = glue.${binding(exported)};`),
    '}',
    // The classes are never constructed from JavaScript (only Rust builds them, after initSync):
    // undefined until then.
    ...names.map(([local, exported]) =>
      classes.has(local) ? `let ${binding(exported)};` : `let ${binding(exported)} = function (...args) { load(); return ${binding(exported)}.apply(this, args); };`,
    ),
    `export { ${names.map(([, exported]) => (exported === 'default' ? '$default as default' : exported)).join(', ')} };`,
    '',
  ].join('\n');
}
/**
 * Node builds: the fast paths (decode's, encode's) and diff, two thirds of a bundle's code, live in
 * a CommonJS chunk beside the entry (dist/fast.cjs, dist/ga/fast.cjs), required on the first call
 * that needs them rather than parsed at import: most of what an import of the package cost beyond
 * Node's own loader (bench/RESULTS.md, start-up). The core imports them as ever; in the Node
 * bundles each import is replaced by functions that require the chunk once and call into it.
 * Browsers keep one bundle. `LAZY` lists, for each module the core imports them from, the names
 * it imports (checked below: the chunk must export each as a function).
 */
const LAZY = {
  'ts/fast.ts': ['fastDecode', 'fastDecodeServer'],
  'ts/fast-encode.ts': ['fastEncode'],
  'ts/diff.ts': ['differences'],
  'ts/ga/fast.ts': ['fastDecode', 'fastDecodeServer', 'fastEncode'],
};
/** The modules each protocol's chunk exports `LAZY`'s names of. @type {Record<string, (keyof typeof LAZY)[]>} */
const CHUNKS = {
  ts: ['ts/fast.ts', 'ts/fast-encode.ts', 'ts/diff.ts'],
  'ts/ga': ['ts/ga/fast.ts', 'ts/diff.ts'],
};
/** The importers whose imports of `LAZY` modules become the chunk's (the core, not the chunk's own modules). */
const LAZY_IMPORTERS = ['ts/core.ts', 'ts/codec.ts', 'ts/ga/core.ts'].map((f) => join(root, f));
/** @type {import('esbuild').Plugin} */
const lazyChunk = {
  name: 'lazy-chunk',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/[\w/-]+\.js$/ }, (args) => {
      if (!LAZY_IMPORTERS.includes(args.importer)) return undefined;
      const file = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      const key = file.slice(root.length + 1).replaceAll('\\', '/');
      return key in LAZY ? { path: key, namespace: 'lazy-chunk' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      loader: 'js',
      resolveDir: root,
      contents: [
        "import { createRequire } from 'node:module';",
        'let chunk;',
        "const load = () => (chunk ??= createRequire(import.meta.url)('./fast.cjs'));",
        ...LAZY[/** @type {keyof typeof LAZY} */ (args.path)].map((name) => `export function ${name}(a, b, c) { return load().${name}(a, b, c); }`),
        '',
      ].join('\n'),
    }));
  },
};

// Each protocol's three entries: Node ESM, Node CommonJS, browsers. One bundle each: a protocol's
// bundles hold its own glue and wasm file names only.
for (const [from, to] of /** @type {[string, string][]} */ ([['ts', dist], ['ts/ga', join(dist, 'ga')]])) {
  // The Node entries' chunk (lazyChunk, above).
  const parts = CHUNKS[from];
  if (parts === undefined) throw new Error(`no chunk for ${from}`);
  await build({
    ...common,
    stdin: {
      contents: parts.map((file) => `export { ${LAZY[file].join(', ')} } from './${file.replace(/\.ts$/, '.js')}';`).join('\n'),
      resolveDir: root,
      sourcefile: `${from}/fast-chunk.ts`,
      loader: 'ts',
    },
    format: 'cjs',
    outfile: join(to, 'fast.cjs'),
    plugins: [jsonShapes],
  });
  await build({ ...common, entryPoints: [join(root, from, 'node.ts')], format: 'esm', outfile: join(to, 'node.mjs'), plugins: [lazyGlue, jsonShapes, lazyChunk] });
  // CommonJS has no import.meta: node-load.ts finds the .wasm through import.meta.url, so the CJS
  // build defines it from __filename (esbuild's documented define + inject pattern).
  await build({
    ...common,
    entryPoints: [join(root, from, 'node.ts')],
    format: 'cjs',
    outfile: join(to, 'node.cjs'),
    define: { 'import.meta.url': 'import_meta_url' },
    inject: [shim],
    plugins: [lazyGlue, jsonShapes, lazyChunk],
  });
  // The chunk exports what the stubs call; the entries hold none of its code, and it holds no
  // copy of the error class (it never throws one: its answers are values or undefined).
  const chunk = join(to, 'fast.cjs');
  const exported = createRequire(import.meta.url)(chunk);
  for (const name of parts.flatMap((file) => LAZY[file])) if (typeof exported[name] !== 'function') throw new Error(`${chunk}: exports no function ${name}`);
  if (/class _?RealtimeCodecError\b/.test(readFileSync(chunk, 'utf8'))) throw new Error(`${chunk}: holds a copy of RealtimeCodecError`);
  for (const entry of ['node.mjs', 'node.cjs']) {
    if (/function compileFastDecoder\b/.test(readFileSync(join(to, entry), 'utf8'))) throw new Error(`${to}/${entry}: holds the fast path's code (the lazy-chunk plugin did not apply)`);
  }
  // Browsers, workers, bundlers, edge runtimes: no Node built-ins, async init().
  await build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: [join(root, from, 'browser.ts')],
    format: 'esm',
    outfile: join(to, 'browser.mjs'),
  });
}
// The CLI imports the Node entry as an external module, so both share one wasm instance.
await build({
  ...common,
  entryPoints: [join(root, 'ts/cli.ts')],
  format: 'esm',
  outfile: join(dist, 'cli.mjs'),
  banner: { js: '#!/usr/bin/env node' },
  // The two protocols' Node entries stay modules of their own (each reads only its .wasm).
  external: ['./node.js', './ga/node.js'],
  plugins: [{ name: 'node-entry', setup: (b) => b.onResolve({ filter: /^\.\/(ga\/)?node\.js$/ }, (a) => ({ path: a.path.replace(/\.js$/, '.mjs'), external: true })) }],
});
chmodSync(join(dist, 'cli.mjs'), 0o755);

step('build 2/3: wasm');
for (const [file, dir] of WASM) {
  const to = join(dist, dir, file);
  copyFileSync(join(root, 'wasm', file), to);
  console.log(`    dist/${dir ? `${dir}/` : ''}${file}: ${statSync(to).size} bytes`);
}

step('build 3/3: type declarations');
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--emitDeclarationOnly', '--rootDir', join(root, 'ts'), '--outDir', dist],
  { stdio: 'inherit' },
);
for (const dir of [dist, join(dist, 'ga')]) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.d.ts'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.includes('wasm/')) throw new Error(`${name} refers to the internal wasm glue`);
    writeFileSync(join(dir, name.replace(/\.d\.ts$/, '.d.cts')), text.replace(/(from '(?:\.\.?\/)+[\w/-]+)\.js'/g, "$1.cjs'"));
  }
  // For importers of dist/node.mjs by path (the tests do): TypeScript looks for node.d.mts.
  copyFileSync(join(dir, 'node.d.ts'), join(dir, 'node.d.mts'));
  copyFileSync(join(dir, 'browser.d.ts'), join(dir, 'browser.d.mts'));
}
// The core's internal modules (fast.ts, fast-encode.ts: decode's and encode's fast paths; shapes.ts: the shape table it compiles;
// wasm.ts: the bridge; diff.ts: diff over the canonical text; guards.ts: JSON guards; append.ts: the canonical append layout; the
// entries' loaders): no public declaration refers to them, and theirs are empty once @internal
// is stripped.
const internal = ['fast', 'fast-encode', 'diff', 'shapes', 'wasm', 'guards', 'append', 'node-load', 'browser-load', 'modules', 'ga/shapes', 'ga/modules', 'ga/fast'].flatMap((n) => [`${n}.d.ts`, `${n}.d.cts`]);
for (const name of ['cli.d.ts', 'cli.d.cts', 'browser.d.cts', 'ga/browser.d.cts', ...internal]) rmSync(join(dist, name), { force: true });
console.log(`    ${readdirSync(dist).join(' ')}`);
console.log(`    ga/: ${readdirSync(join(dist, 'ga')).join(' ')}`);
