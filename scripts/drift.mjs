#!/usr/bin/env node
// @ts-check
// `npm run drift`: where the crate (async-openai-wasm 0.29.5, through this package) and the
// official SDKs disagree about client and server events: the openai npm package's beta realtime
// `RealtimeClientEvent` / `RealtimeServerEvent` types and the openai Python package's beta
// realtime pydantic models. The server half is scripts/lib/drift/server.mjs.
// Writes docs/drift.md (checked for staleness by test/drift.test.ts); `--check` only compares.
//
// It (1) compares every event type and member path of the three (present, required, allowed
// values), (2) runs an official-shaped event for every member the crate lacks through the codec
// (dropped silently, or rejected), and (3) checks every valid corpus case's canonical output
// against both SDKs (tsc against the npm types; pydantic validation in a local virtualenv).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { againstAgents, compareWithNpm, crateShape } from './lib/drift/ga.mjs';
import { serverDrift } from './lib/drift/server.mjs';
import { shapeOf } from './lib/drift/shape.mjs';

export const NPM_OPENAI = '5.12.0';
export const PY_OPENAI = '1.99.9';
/** The GA realtime types: the latest openai the registry served (2026-12-02), in its own prefix. */
export const NPM_OPENAI_GA = '7.59.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'target/drift');
/** @typedef {import('./lib/drift/shape.mjs').Entry} Entry */
const log = (/** @type {string} */ s) => process.stderr.write(`    ${s}\n`);

/**
 * openai@version installed (once; then cached, offline) into target/drift/<dir>.
 * @param {string} dir @param {string} version @returns {string} the package's directory
 */
function ensureNpm(dir, version) {
  const npmDir = join(work, dir);
  const pkg = join(npmDir, 'node_modules/openai/package.json');
  if (!existsSync(pkg) || JSON.parse(readFileSync(pkg, 'utf8')).version !== version) {
    log(`installing openai@${version} (npm) into target/drift/${dir}`);
    mkdirSync(npmDir, { recursive: true });
    writeFileSync(join(npmDir, 'package.json'), '{"private":true}');
    execFileSync('npm', ['install', '--prefix', npmDir, '--no-audit', '--no-fund', '--no-package-lock', `openai@${version}`], { stdio: 'ignore' });
  }
  return join(npmDir, 'node_modules/openai');
}

function ensureSdks() {
  // Outside the project's own node_modules: openai 5 wants zod 3 as a peer, the benchmarks zod 4;
  // openai 7 (GA) wants node >= 22. Only their .d.ts files are read, never run.
  const npmDir = ensureNpm('npm', NPM_OPENAI);
  const gaDir = ensureNpm('npm-ga', NPM_OPENAI_GA);
  const python = join(work, 'venv/bin/python');
  const version = existsSync(python) ? execFileSync(python, ['-c', 'import openai; print(openai.__version__)'], { encoding: 'utf8' }).trim() : '';
  if (version !== PY_OPENAI) {
    log(`installing openai==${PY_OPENAI} (PyPI) into the virtualenv target/drift/venv`);
    if (!existsSync(python)) execFileSync('python3', ['-m', 'venv', join(work, 'venv')], { stdio: 'ignore' });
    execFileSync(join(work, 'venv/bin/pip'), ['install', '-q', `openai==${PY_OPENAI}`], { stdio: 'ignore' });
  }
  return { npmTypes: join(npmDir, 'resources/beta/realtime/realtime.d.ts'), gaTypes: join(gaDir, 'resources/realtime/realtime.d.ts'), python };
}

/**
 * The JSON types a kind allows (enum values are strings); null for free-form (`unknown`) members.
 * @param {string} kind
 */
function jsonTypes(kind) {
  const parts = kind.split('|').filter(Boolean);
  if (parts.some((k) => /unknown|any|Any|JsonValue/.test(k))) return null;
  return [...new Set(parts.map((k) => (k === 'enum' || k.includes('string') ? 'string' : k)))].sort();
}

/** Whether a kind accepts any string (a plain `string`, `string & {}`, or `str`), not only its values. */
const freeString = (/** @type {string} */ kind) => kind.split('|').some((k) => k !== 'enum' && k.includes('string'));

const cell = (/** @type {Entry | undefined} */ entry) => (entry ? `${entry.required ? 'required' : 'optional'}${entry.values ? `: ${entry.values.join(', ')}` : ''}` : '—');

/** A minimal valid event of each type, to carry an official-shaped member. */
/** @type {Record<string, Record<string, unknown>>} */
const BASE = {
  'session.update': { type: 'session.update', session: {} },
  'input_audio_buffer.append': { type: 'input_audio_buffer.append', audio: '' },
  'input_audio_buffer.commit': { type: 'input_audio_buffer.commit' },
  'input_audio_buffer.clear': { type: 'input_audio_buffer.clear' },
  'conversation.item.create': { type: 'conversation.item.create', item: {} },
  'conversation.item.truncate': { type: 'conversation.item.truncate', item_id: 'i', content_index: 0, audio_end_ms: 0 },
  'conversation.item.delete': { type: 'conversation.item.delete', item_id: 'i' },
  'response.create': { type: 'response.create', response: {} },
  'response.cancel': { type: 'response.cancel' },
};
/** @type {Record<string, unknown>} */
const ELEMENT = { tools: { type: 'function', name: 'f', description: 'd', parameters: {} }, content: { type: 'input_text' } };

/** @param {Entry} entry @returns {unknown} */
function sample(entry) {
  if (entry.values) return entry.values[0];
  const kind = entry.kind.split('|')[0] ?? '';
  /** @type {Record<string, unknown>} */
  const samples = { string: 'x', number: 1, boolean: true, object: {}, array: [] };
  return samples[kind] ?? 'x';
}

/**
 * The base event with `path` set to a sample value (creating parents; arrays get one element).
 * @param {string} type
 * @param {string} path
 * @param {Entry} entry
 * @returns {Record<string, unknown> | null}
 */
function withMember(type, path, entry) {
  const event = structuredClone(BASE[type]);
  const keys = path.split('/').slice(1);
  if (!event) return null;
  /** @type {any} */
  let at = event;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = /** @type {string} */ (keys[i]);
    if (keys[i + 1] === '[]') {
      at[key] ??= [structuredClone(ELEMENT[key] ?? {})];
      at = at[key][0];
      i += 1;
    } else {
      at[key] ??= {};
      at = at[key];
    }
  }
  const last = keys[keys.length - 1];
  if (last === undefined || last === '[]') return null;
  at[last] = sample(entry);
  return event;
}

/**
 * Each text's verdict from tsc against the npm types: 'ok' or the first error.
 * @param {string} npmTypes
 * @param {string[]} texts
 * @param {string} [typeName] the npm union to check against
 * @returns {string[]}
 */
function typecheckAgainstNpm(npmTypes, texts, typeName = 'RealtimeClientEvent') {
  const dir = join(work, 'tsc');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `corpus-${typeName}.ts`);
  const lines = [`import type { ${typeName} } from ${JSON.stringify(npmTypes.replace(/\.d\.ts$/, ''))};`];
  for (const text of texts) lines.push(`export const c${lines.length}: ${typeName} = ${text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};`);
  writeFileSync(file, lines.join('\n'));
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022 });
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot load ${file}`);
  /** @type {Map<number, string>} */
  const failing = new Map();
  for (const d of ts.getPreEmitDiagnostics(program, source)) {
    if (d.start === undefined) continue;
    const line = source.getLineAndCharacterOfPosition(d.start).line;
    if (failing.has(line)) continue;
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\s+/g, ' ');
    // Long messages: the innermost one, which names the member at fault.
    let chain = d.messageText;
    while (typeof chain !== 'string' && chain.next?.[0]) chain = chain.next[0];
    const inner = (typeof chain === 'string' ? chain : chain.messageText).replace(/\s+/g, ' ');
    failing.set(line, message.length <= 160 ? message : `… ${inner.length <= 160 ? inner : `${inner.slice(0, 60)} … ${inner.slice(-90)}`}`);
  }
  return texts.map((_, i) => failing.get(i + 1) ?? 'ok');
}

/** The text of docs/drift.md, compared afresh. @returns {Promise<string>} */
export async function drift() {
  const { npmTypes, gaTypes, python } = ensureSdks();
  /** @type {typeof import('../dist/node.mjs')} */
  const codec = await import(pathToFileURL(join(root, 'dist/node.mjs')).href);
  const crate = shapeOf(join(root, 'dist/types.d.ts'), 'ClientEvent');
  const npm = shapeOf(npmTypes, 'RealtimeClientEvent');
  /** @type {Record<string, Record<string, Entry>>} */
  const py = JSON.parse(execFileSync(python, [join(root, 'scripts/lib/drift/shape.py')], { encoding: 'utf8' }));

  const types = [...new Set([...Object.keys(crate), ...Object.keys(npm), ...Object.keys(py)])].sort();
  const eventRows = [];
  const memberRows = [];
  for (const type of types) {
    if (!crate[type]) {
      const r = codec.check(JSON.stringify({ type }));
      eventRows.push(`| \`${type}\` | — | ${npm[type] ? 'yes' : '—'} | ${py[type] ? 'yes' : '—'} | unknown to the crate: ${r.ok ? 'accepted?' : `\`${r.error.code}\``} |`);
      continue;
    }
    const c = crate[type];
    const n = npm[type] ?? {};
    const p = py[type] ?? {};
    for (const path of [...new Set([...Object.keys(c), ...Object.keys(n), ...Object.keys(p)])].sort()) {
      const [a, b, d] = [c[path], n[path], p[path]];
      const verdicts = [];
      if (!a) {
        const official = /** @type {Entry} */ (b ?? d);
        const event = withMember(type, path, official);
        let behaviour = 'not tried';
        if (event) {
          try {
            const { differences } = codec.diff(JSON.stringify(event));
            const dropped = differences.some((x) => {
              const at = x.path.replace(/\/\d+(?=\/|$)/g, '/[]');
              return x.kind === 'dropped' && (path === at || path.startsWith(`${at}/`));
            });
            behaviour = dropped ? 'dropped silently' : 'accepted';
          } catch (error) {
            if (!(error instanceof codec.ClientEventError)) throw error;
            behaviour = `rejected (\`${error.code}\` at \`${error.path}\`)`;
          }
        }
        verdicts.push(`missing in the crate: ${behaviour}`);
      } else {
        if (!b && !d) verdicts.push('extra in the crate');
        for (const [name, sdk] of /** @type {[string, Entry | undefined][]} */ ([['npm', b], ['Python', d]])) {
          if (!sdk) continue;
          if (a.required && !sdk.required) verdicts.push(`stricter in the crate (optional in ${name})`);
          if (!a.required && sdk.required) verdicts.push(`required in ${name} only`);
          const [crateTypes, sdkTypes] = [jsonTypes(a.kind), jsonTypes(sdk.kind)];
          if (crateTypes && sdkTypes && crateTypes.join() !== sdkTypes.join()) {
            verdicts.push(`JSON types differ: crate ${crateTypes.join('|')}, ${name} ${sdkTypes.join('|')}`);
          }
          // "Free": any string accepted (a list of suggestions may come with it).
          const [crateFree, sdkFree] = [freeString(a.kind), freeString(sdk.kind)];
          if (!crateFree && a.values && sdkFree) {
            verdicts.push(`stricter in the crate: only ${a.values.join(', ')} (${name}: any string)`);
          } else if (crateFree && !sdkFree && sdk.values) {
            verdicts.push(`laxer in the crate: any string (${name}: ${sdk.values.join(', ')})`);
          } else if (a.values && sdk.values && !crateFree && !sdkFree) {
            const [ours, theirs] = [a.values, sdk.values];
            const only = ours.filter((v) => !theirs.includes(v));
            const missing = theirs.filter((v) => !ours.includes(v));
            if (only.length) verdicts.push(`crate only (vs ${name}): ${only.join(', ')}`);
            if (missing.length) verdicts.push(`${name} only: ${missing.join(', ')}`);
          }
        }
        if (a && ((b && !d) || (!b && d))) verdicts.push(`absent from ${b ? 'Python' : 'npm'}`);
      }
      if (verdicts.length) memberRows.push(`| \`${type}\` | \`${path}\` | ${cell(a)} | ${cell(b)} | ${cell(d)} | ${[...new Set(verdicts)].join('; ')} |`);
    }
  }

  // The corpus's valid events, as the crate writes them, against both SDKs.
  const dir = join(root, 'test/vectors');
  const docs = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, doc: /** @type {{ direction?: string, cases: { name: string, expect: { canonical?: string } }[] }} */ (JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));
  /** @param {'client' | 'server'} direction */
  const validOf = (direction) => docs
    .filter(({ doc }) => (doc.direction ?? 'client') === direction)
    .flatMap(({ f, doc }) => doc.cases
      .flatMap((c) => (c.expect.canonical === undefined ? [] : [{ file: f, name: c.name, text: c.expect.canonical }])));
  /**
   * @param {{ file: string, name: string, text: string }[]} events
   * @param {'client' | 'server'} direction
   */
  const againstSdks = (events, direction) => {
    const npmVerdicts = typecheckAgainstNpm(npmTypes, events.map((v) => v.text), direction === 'client' ? 'RealtimeClientEvent' : 'RealtimeServerEvent');
    const args = [join(root, 'scripts/lib/drift/shape.py'), '--validate', ...(direction === 'server' ? ['--server'] : [])];
    const pyVerdicts = execFileSync(python, args, { input: events.map((v) => v.text.replace(/\n/g, '\\n')).join('\n') + '\n', encoding: 'utf8' }).trim().split('\n');
    const rows = events
      .map((v, i) => ({ ...v, npm: npmVerdicts[i] ?? 'no verdict', py: pyVerdicts[i] ?? 'no verdict' }))
      .filter((v) => v.npm !== 'ok' || v.py !== 'ok')
      .map((v) => `| ${v.file.replace(/\.json$/, '')}: ${v.name.replace(/\|/g, '\\|')} | ${v.npm === 'ok' ? 'ok' : v.npm.replace(/\|/g, '\\|')} | ${v.py === 'ok' ? 'ok' : v.py.replace(/\|/g, '\\|')} |`);
    return { rows, npmOk: npmVerdicts.filter((v) => v === 'ok').length, pyOk: pyVerdicts.filter((v) => v === 'ok').length };
  };
  const valid = validOf('client');
  const { rows: corpusRows, npmOk, pyOk } = againstSdks(valid, 'client');

  // Server events: the crate as it reads (`ServerEventInput`) and writes (`ServerEvent`) them.
  const serverValid = validOf('server');
  /** @type {Record<string, string[]>} the valid corpus events of each type, most members first, to carry probes */
  const bases = {};
  const weight = (/** @type {string} */ t) => (t.match(/":/g) ?? []).length - (t.match(/:null/g) ?? []).length;
  for (const v of serverValid) (bases[JSON.parse(v.text).type] ??= []).push(v.text);
  for (const list of Object.values(bases)) list.sort((x, y) => weight(y) - weight(x) || (x < y ? -1 : x > y ? 1 : 0));
  const server = serverDrift(
    codec,
    shapeOf(join(root, 'dist/types.d.ts'), 'ServerEventInput'),
    shapeOf(join(root, 'dist/types.d.ts'), 'ServerEvent'),
    shapeOf(npmTypes, 'RealtimeServerEvent'),
    JSON.parse(execFileSync(python, [join(root, 'scripts/lib/drift/shape.py'), '--server'], { encoding: 'utf8' })),
    bases,
  );
  const serverCorpus = againstSdks(serverValid, 'server');
  const c = server.counts;
  const ga = await gaDrift(gaTypes);

  return `# Drift: the crate against the official SDKs

Generated by \`npm run drift\` (scripts/drift.mjs); test/drift.test.ts fails when this file is stale.
Compared: this package's types for async-openai-wasm 0.29.5 (themselves tested against the crate),
the \`openai\` npm package ${NPM_OPENAI} (\`resources/beta/realtime\`: \`RealtimeClientEvent\`) and the
\`openai\` Python package ${PY_OPENAI} (\`openai.types.beta.realtime\`: pydantic models). "Missing in the
crate" rows also say what the codec does with an official-shaped event carrying that member.
Client events first; server events (\`RealtimeServerEvent\`) from [Server events](#server-events) on.

## Event types

| type | crate | npm | Python | what the crate does |
|---|---|---|---|---|
${eventRows.join('\n')}

## Members

| event | path | crate | npm ${NPM_OPENAI} | Python ${PY_OPENAI} | divergence |
|---|---|---|---|---|---|
${memberRows.join('\n')}

## The corpus against the SDKs

Of the ${valid.length} valid corpus events, as the crate writes them, the npm types accept ${npmOk} and the
Python models ${pyOk}. The others:

| case | npm (tsc) | Python (pydantic) |
|---|---|---|
${corpusRows.join('\n')}

# Server events

The crate's ${Object.keys(bases).length} beta server events (\`ServerEvent\`) against the npm package's
\`RealtimeServerEvent\` and the Python package's \`RealtimeServerEvent\`. The "crate" column is what the
crate reads (\`ServerEventInput\`: "nullable" means \`null\` is read as absent). Every claim about the
crate was tried through the codec (\`diffServerEvent\` from dist/node.mjs) on the corpus event of that
type that has the member (or the object holding it): members the crate lacks were added ("dropped
silently": gone from its canonical output), members it requires were removed ("without it"),
\`null\` and the SDKs' other enum values were sent; a probe rejected elsewhere in the event counts
as "not tried". Where the object is one of several variants, each variant is named.

In short: ${server.unknownTypes} server event types the SDKs know are unknown to the crate (rejected); ${c.missing} member
paths the SDKs declare are missing in the crate (${c.dropped} of them dropped silently when sent, ${c.missingRejected} rejected);
${c.requiredOnly} are required by the crate but optional in an SDK; ${c.nullRejected} that an SDK allows to be \`null\` are
rejected by the crate as \`null\` (${c.nullRejectedNpm} of them nullable in the npm types too, the rest in Python only, where
every optional member is \`Optional\`); ${c.values} disagree on closed lists of values; at ${c.writesNull} the crate may write
\`null\` where an SDK type has no \`null\`; ${c.extra} are the crate's alone.

## Server event types

| type | crate | npm | Python | what the crate does |
|---|---|---|---|---|
${server.eventRows.join('\n')}

## Server event members

| event | path | crate (reads) | npm ${NPM_OPENAI} | Python ${PY_OPENAI} | divergence |
|---|---|---|---|---|---|
${server.memberRows.join('\n')}

## Server event numbers

Each number's range in the crate, found by sending values (0, 0.5, -1, each width's largest value
and one more); npm types have only \`number\`, Python \`int\` or \`float\`.

| member | events | crate | npm | Python | note |
|---|---|---|---|---|---|
${server.numberRows.join('\n')}

## The server corpus against the SDKs

Of the ${serverValid.length} valid server corpus events, as the crate writes them, the npm types accept
${serverCorpus.npmOk} and the Python models ${serverCorpus.pyOk}. The others:

| case | npm (tsc) | Python (pydantic) |
|---|---|---|
${serverCorpus.rows.join('\n')}
${ga}`;
}

/**
 * The GA section: the GA crate's shape table against the npm GA types, and the GA corpus through
 * @openai/agents-realtime's zod schemas.
 * @param {string} gaTypes
 */
async function gaDrift(gaTypes) {
  log('reading the GA shape table (cargo run -q -p realtime-codec --example shapes)');
  const table = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })).ga;
  log(`comparing ${table.source} with openai@${NPM_OPENAI_GA} and @openai/agents-realtime`);
  const client = compareWithNpm(crateShape(table, table.client), shapeOf(gaTypes, 'RealtimeClientEvent'));
  const server = compareWithNpm(crateShape(table, table.server), shapeOf(gaTypes, 'RealtimeServerEvent'));
  const agentsEntry = fileURLToPath(import.meta.resolve('@openai/agents-realtime'));
  const agentsVersion = JSON.parse(readFileSync(join(dirname(agentsEntry), '..', 'package.json'), 'utf8')).version;
  // Its package entry exports no schemas; this module of its dist holds them (as in bench/bench.mjs).
  const agents = await import(pathToFileURL(join(dirname(agentsEntry), 'openaiRealtimeEvents.mjs')).href);
  const dir = join(root, 'test/vectors/ga');
  const cases = ['ga_client.json', 'ga_server.json'].flatMap((f) => {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return doc.cases.map((/** @type {any} */ x) => ({ ...x, file: f.replace(/\.json$/, ''), direction: doc.direction ?? 'client' }));
  });
  const corpus = againstAgents(agents, cases);
  const k = corpus.counts;
  /** @param {ReturnType<typeof compareWithNpm>} r */
  const summary = (r) => `${r.typeRows.length} event types on one side only; ${r.counts.missing} member paths the npm types declare that the crate lacks, ${r.counts.extra} the crate's alone; ${r.counts.required} required by the crate but optional in npm, ${r.counts.optional} the reverse; ${r.counts.nullable} differ on \`null\`; ${r.counts.values} on values`;
  return `
# GA

The GA crate (${table.source}, \`shape::GA\`, as \`cargo run -p realtime-codec --example shapes\` prints
it) against the \`openai\` npm package ${NPM_OPENAI_GA} (\`resources/realtime/realtime\`:
\`RealtimeClientEvent\`, \`RealtimeServerEvent\`), and the GA corpus (test/vectors/ga, whose outcomes the
crate itself wrote) through the zod schemas of \`@openai/agents-realtime\` ${agentsVersion}. GA has no wasm
module yet: the crate's side is its shape table and its recorded corpus outcomes. Where the crate
has several variants at one path (items, content parts, formats) they are merged: a member is
"required" only when every variant requires it. Under a member one side lacks, nothing more is listed.

Client events: ${summary(client)}.
Server events: ${summary(server)}.

## GA client event types on one side only

| type | crate | npm ${NPM_OPENAI_GA} |
|---|---|---|
${client.typeRows.join('\n')}

## GA client event members

| event | path | crate | npm ${NPM_OPENAI_GA} | divergence |
|---|---|---|---|---|
${client.memberRows.join('\n')}

## GA server event types on one side only

| type | crate | npm ${NPM_OPENAI_GA} |
|---|---|---|
${server.typeRows.join('\n')}

## GA server event members

| event | path | crate | npm ${NPM_OPENAI_GA} | divergence |
|---|---|---|---|---|
${server.memberRows.join('\n')}

## The GA corpus through @openai/agents-realtime

Of the ${k.cases} GA corpus cases, both accept ${k.both}; the crate alone ${k.crateOnly} (${k.noSchema} of them types
agents-realtime has no schema for); agents-realtime alone ${k.agentsOnly}; neither ${k.neither}. "Dropped": the
input's members missing from the crate's canonical output, and from what the zod schema returns
(it strips members it does not declare). Listed: the cases where they disagree or either drops.

| case | crate | agents-realtime (zod) | dropped by the crate | dropped by agents-realtime |
|---|---|---|---|---|
${corpus.rows.join('\n')}
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = await drift();
  const file = join(root, 'docs/drift.md');
  if (process.argv.includes('--check')) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === text;
    console.log(same ? 'docs/drift.md is up to date' : 'docs/drift.md is stale: run `npm run drift`');
    process.exitCode = same ? 0 : 1;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote docs/drift.md`);
  }
}
