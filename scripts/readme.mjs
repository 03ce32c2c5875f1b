#!/usr/bin/env node
// @ts-check
// `npm run readme`: writes the figures the README quotes from the files they describe, so that no
// count in it can go stale by hand: the corpus, hostile and parser-conformance case counts, the
// CLI example's output (run against dist/), and the benchmark figures and .wasm size recorded in
// bench/RESULTS.md. `--check` (run by scripts/test.sh) only compares, and also checks that the
// CLI synopsis names every mode and option the CLI has and that .ci/run runs the README's test
// command, and that every scripts/ or test/support/ path it names exists. Exit status 1 when
// anything is stale.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(root, 'README.md');

/**
 * A generated span of the README: the text between `before` and `after` (each must occur once,
 * in that order) is `value()`.
 * @typedef {{ name: string, before: string, after: string, value: () => string }} Fact
 */

/** @param {string} path @returns {unknown} */
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');

/**
 * The corpus's cases of one direction (a file's top-level `direction`, `client` when absent).
 * @param {'client' | 'server'} direction
 */
function corpusCases(direction) {
  const dir = join(root, 'test/vectors');
  let n = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const doc = /** @type {{ direction?: string, cases: unknown[] }} */ (readJson(join('test/vectors', file)));
    if ((doc.direction ?? 'client') === direction) n += doc.cases.length;
  }
  return n;
}

/**
 * Where the same service behaviour is a case in both corpora: [beta case, GA case] (names without
 * `service: `). Their rows get both crates' verdicts; every other row has its own protocol's only.
 */
/** @type {[string, string][]} */
const SAME_IN_BOTH = [
  ['input_audio_buffer.committed with previous_item_id null (first item)', 'input_audio_buffer.committed with previous_item_id null'],
  ['response.done failed, status_details error code null', 'response.done failed, its status error with code null'],
];

/**
 * The corpora's service-shaped cases (named `service: ...`) that a crate refuses, as a Markdown
 * table with one column per protocol: what the service sends, and each crate's verdict as the
 * vectors record it (written by the crate, never by hand); `—` where that protocol has no such case.
 */
function serviceDisagreements() {
  /** @typedef {{ name: string, input: string, expect: { error?: { code: string, path: string } } }} Case */
  /** @param {string} dir @returns {Case[]} */
  const casesIn = (dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((file) => /** @type {{ cases: Case[] }} */ (readJson(join(dir, file))).cases)
      .filter((c) => c.name.startsWith('service: '));
  const beta = casesIn('test/vectors');
  const ga = casesIn('test/vectors/ga');
  /** @param {Case | undefined} c */
  const verdict = (c) => (c === undefined ? '—' : c.expect.error ? `refused: \`${c.expect.error.code}\` at \`${c.expect.error.path}\`` : 'accepted');
  /** @param {Case[]} cases @param {string} what */
  const named = (cases, what) => {
    const c = cases.find((x) => x.name === `service: ${what}`);
    if (!c) throw new Error(`SAME_IN_BOTH names ${what}, which is no service case`);
    return c;
  };
  const pairs = SAME_IN_BOTH.map(([b, g]) => ({ beta: named(beta, b), ga: named(ga, g) }));
  const rows = ['| event | what the service sends | beta crate (0.29.5) | GA crate (0.31.2) |', '|---|---|---|---|'];
  /** @param {Case} c @param {Case | undefined} b @param {Case | undefined} g */
  const row = (c, b, g) => {
    const type = String(/** @type {{ type?: unknown }} */ (JSON.parse(c.input)).type);
    rows.push(`| \`${type}\` | ${c.name.slice('service: '.length).replace(/\|/g, '\\|')} | ${verdict(b)} | ${verdict(g)} |`);
  };
  for (const c of beta) {
    const pair = pairs.find((p) => p.beta === c);
    if (c.expect.error || pair?.ga.expect.error) row(c, c, pair?.ga);
  }
  for (const c of ga) if (c.expect.error && !pairs.some((p) => p.ga === c)) row(c, undefined, c);
  return rows.join('\n');
}

/** @param {'must_reject' | 'must_parse' | 'valid_events'} group */
const jsonSuite = (group) => /** @type {Record<string, unknown[]>} */ (readJson('test/json-suite/cases.json'))[group]?.length ?? 0;

/** The hostile catalogue's cases, counted by loading it (each case builds its input only when run). */
const { cases: hostileCases } = await import(pathToFileURL(join(root, 'test/hostile/catalogue.js')).href);

/** The CLI example: its first lines (long ones cut at a comma) and its summary, as run now. */
function cliExample() {
  const cli = join(root, 'dist/cli.mjs');
  if (!existsSync(cli)) throw new Error('dist/cli.mjs is missing: run `bash scripts/build-all.sh` first');
  const r = spawnSync(process.execPath, [cli, 'check', 'examples/invalid.jsonl'], { cwd: root, encoding: 'utf8' });
  const lines = r.stderr.trimEnd().split('\n');
  const summary = lines.pop() ?? '';
  const cut = (/** @type {string} */ line) => {
    if (line.length <= 135) return line;
    const at = line.lastIndexOf(', ', 120);
    return at > 0 ? `${line.slice(0, at)}, ...` : `${line.slice(0, 120)}...`;
  };
  const shown = lines.slice(0, 3).map(cut);
  if (lines.length > 3) shown.push('...');
  return [...shown, summary].join('\n');
}

/**
 * bench/RESULTS.md's first table, as rows of cells keyed by the header.
 * @returns {Record<string, string>[]}
 */
function benchRows(first = 'workload') {
  const text = readFileSync(join(root, 'bench/RESULTS.md'), 'utf8');
  const start = text.split('\n').findIndex((l) => l.startsWith(`| ${first} |`));
  if (start < 0) throw new Error(`bench/RESULTS.md has no \`| ${first} |\` table`);
  const lines = text.split('\n').slice(start);
  const cells = (/** @type {string} */ l) => l.split('|').slice(1, -1).map((c) => c.trim());
  const header = cells(lines[0] ?? '').map((h, i) => (i === 0 ? 'workload' : h));
  /** @type {Record<string, string>[]} */
  const rows = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(Object.fromEntries(cells(line).map((c, i) => [header[i] ?? String(i), c])));
  }
  return rows;
}

/** @param {Record<string, string>} row @param {string} column @returns {{ value: number, ratio: string }} */
function benchCell(row, column) {
  const m = /^([\d.]+)(?: \(([\d.]+x)\))?$/.exec(row[column] ?? '');
  if (!m || m[1] === undefined) throw new Error(`bench/RESULTS.md: no figure in column ${column} of ${row.workload}`);
  return { value: Number(m[1]), ratio: m[2] ?? '' };
}

/** Words of `text` on lines of at most 100 characters (Markdown reads the breaks as spaces). @param {string} text */
function wrap(text) {
  const lines = [''];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] === '') lines[last] = word;
    else if (`${lines[last]} ${word}`.length <= 100) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** The range of a column's ratios over rows, as `0.91x to 1.88x`. @param {Record<string, string>[]} rows @param {string} column */
function ratioRange(rows, column) {
  const sorted = rows.map((r) => benchCell(r, column).ratio).sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  return sorted.length === 1 ? `${sorted[0]}` : `${sorted[0]} to ${sorted[sorted.length - 1]}`;
}

/** bench/RESULTS.md's seed and events per type. */
function benchSeed() {
  const text = readFileSync(join(root, 'bench/RESULTS.md'), 'utf8');
  const seed = /\*\*Seed (\d+)\*\*/.exec(text)?.[1];
  const per = /^(\d+) distinct events per type/m.exec(text)?.[1];
  if (!seed || !per) throw new Error('bench/RESULTS.md has no seed or events-per-type line');
  return { seed, per };
}

/** The client figures of both protocols: per type on generated events, and on the generated mix. */
function benchSummary() {
  const { seed, per } = benchSeed();
  const mixes = benchRows('generated mix');
  /** @param {'beta' | 'GA'} label */
  const of = (label) => {
    const rows = benchRows(`${label} client event`);
    const mix = mixes.find((r) => r.workload === `${label} client`);
    if (!mix) throw new Error(`bench/RESULTS.md has no \`${label} client\` generated mix row`);
    return (
      `${label}: decode ${ratioRange(rows, 'decode')} \`JSON.parse\` per type and ${benchCell(mix, 'decode').ratio} on the mix ` +
      `(check ${benchCell(mix, 'check').ratio}), encode ${ratioRange(rows, 'encode')} \`JSON.stringify\` per type and ` +
      `${benchCell(mix, 'encode').ratio} on the mix`
    );
  };
  return wrap(`on events generated from the shape table (seed ${seed}, ${per} per type; the mix a minute of a conversation, mostly audio appends), ${of('beta')}; ${of('GA')}`);
}

/** The server figures of both protocols: the spoken turn, and the per-type range of each path. */
function serverSummary() {
  const recorded = benchRows('recorded workload');
  /** @param {'beta' | 'GA'} label @param {Set<string>} fast */
  const of = (label, fast) => {
    const turn = recorded.find((r) => r.workload === `${label} spoken turn, service text`);
    if (!turn) throw new Error(`bench/RESULTS.md has no \`${label} spoken turn, service text\` row`);
    const perType = benchRows(`${label} server event`);
    const isFast = (/** @type {Record<string, string>} */ r) => fast.has((r.workload ?? '').replaceAll('`', ''));
    return (
      `${label}: decodeServerEvent ${benchCell(turn, 'decode').ratio} \`JSON.parse\` on the spoken turn (checkServerEvent ` +
      `${benchCell(turn, 'check').ratio}); per type, the ${perType.filter(isFast).length} fast-path types at ` +
      `${ratioRange(perType.filter(isFast), 'decodeServerEvent')}, the ${perType.filter((r) => !isFast(r)).length} others (the Rust path) at ` +
      `${ratioRange(perType.filter((r) => !isFast(r)), 'decodeServerEvent')}`
    );
  };
  return wrap(`${of('beta', FAST_SERVER_TYPES.beta)}; ${of('GA', FAST_SERVER_TYPES.ga)}`);
}

/** The server events decode answers in JavaScript (FAST_SERVER_EVENTS in scripts/generate.mjs, as bundled), per protocol. */
const FAST_SERVER_TYPES = (() => {
  /** @param {string} file @param {string} part @param {string} rootName */
  const read = (file, part, rootName) => {
    const text = readFileSync(join(root, file), 'utf8');
    const rest = text.slice(text.indexOf(part));
    const row = new RegExp(`"${rootName}": (\\{.*\\}),?\\n`).exec(rest);
    if (!row?.[1]) throw new Error(`${file} has no ${part} ${rootName} row`);
    return new Set(/** @type {{ variants: { value: string }[] }} */ (JSON.parse(row[1])).variants.map((v) => v.value));
  };
  return { beta: read('ts/shapes.ts', 'BETA_FAST_SERVER', 'ServerEvent'), ga: read('ts/ga/shapes.ts', 'GA_FAST_SERVER', 'RealtimeServerEvent') };
})();

/** Each module's size, from bench/RESULTS.md's module table. */
function wasmSize() {
  const lines = readFileSync(join(root, 'bench/RESULTS.md'), 'utf8').split('\n');
  /** @param {string} name */
  const size = (name) => {
    const cells = lines.find((l) => l.startsWith(`| ${name} | dist/`))?.split('|').map((c) => c.trim());
    if (!cells?.[3] || !cells[4]) throw new Error(`bench/RESULTS.md has no \`| ${name} | dist/...\` module row`);
    return `${Math.round(Number(cells[3]) / 1000)} KB (${Math.round(Number(cells[4]) / 1000)} KB gzip)`;
  };
  return `beta client ${size('beta client')}, beta server ${size('beta server')}, GA client ${size('GA client')}, GA server ${size('GA server')}`;
}

/** @type {Fact[]} */
const FACTS = [
  { name: 'client corpus cases', before: '**The corpus** (`test/vectors/*.json`, ', after: ' client cases', value: () => count(corpusCases('client')) },
  { name: 'server corpus cases', before: ' client cases and ', after: ' server cases)', value: () => count(corpusCases('server')) },
  { name: 'hostile cases', before: '(`test/hostile/catalogue.js`, ', after: ' cases,', value: () => count(hostileCases.length) },
  { name: 'malformed documents', before: '(`test/json-suite/cases.json`): ', after: ' malformed documents', value: () => count(jsonSuite('must_reject')) },
  { name: 'well-formed non-events', before: 'syntax-class code, ', after: ' well-formed non-events', value: () => count(jsonSuite('must_parse')) },
  { name: 'unusual events', before: 'non-events parsed, ', after: ' events in unusual JSON', value: () => count(jsonSuite('valid_events')) },
  { name: 'CLI example', before: '$ npx realtime-codec check examples/invalid.jsonl\n', after: '\n```', value: cliExample },
  { name: 'benchmark figures', before: 'Client events (written from bench/RESULTS.md by `npm run readme`):\n', after: '.\nServer events, in the same run:', value: benchSummary },
  { name: 'server benchmark figures', before: 'Server events, in the same run:\n', after: '.\nSee bench/RESULTS.md for every figure', value: serverSummary },
  { name: '.wasm size', before: '- The modules, raw and gzip: ', after: '. Nearly all of each', value: wasmSize },
  { name: 'crate-versus-service table', before: '<!-- service-disagreements: generated by scripts/readme.mjs -->\n', after: '\n<!-- end of service-disagreements -->', value: serviceDisagreements },
];

/**
 * The README with every fact written afresh.
 * @param {string} text
 */
function regenerate(text) {
  let out = text;
  for (const fact of FACTS) {
    const start = out.indexOf(fact.before);
    if (start < 0 || out.indexOf(fact.before, start + 1) >= 0) throw new Error(`README: \`${fact.before.trim()}\` (before the ${fact.name}) must occur exactly once`);
    const from = start + fact.before.length;
    const end = out.indexOf(fact.after, from);
    if (end < 0) throw new Error(`README: no \`${fact.after.trim()}\` after the ${fact.name}`);
    out = out.slice(0, from) + fact.value() + out.slice(end);
  }
  return out;
}

/**
 * What regenerating cannot fix: the CLI synopsis must name every mode and option of the CLI's own
 * usage text, .ci/run must run the README's test command, and the script paths named must exist.
 * @param {string} text
 * @returns {string[]}
 */
function problems(text) {
  const found = [];
  const usage = execFileSync(process.execPath, [join(root, 'dist/cli.mjs'), '--help'], { encoding: 'utf8' });
  const synopsis = text.split('\n').find((l) => l.startsWith('npx realtime-codec ['));
  if (!synopsis) found.push('README: no CLI synopsis line (`npx realtime-codec [...`)');
  const modes = /^usage: realtime-codec \[([a-z|]+)\]/.exec(usage)?.[1];
  if (!modes) found.push('the CLI usage text has no [mode|...] list');
  if (synopsis && modes && !synopsis.includes(`[${modes}]`)) found.push(`README: the CLI synopsis does not list the modes [${modes}]`);
  for (const [, short, long] of usage.matchAll(/^ {2}(?:(-\w), )?(--[a-z-]+)/gm)) {
    const spelled = (/** @type {string | undefined} */ o) => o !== undefined && synopsis !== undefined && new RegExp(`\\[${o}[\\] ]`).test(synopsis);
    if (long !== '--help' && synopsis && !spelled(short) && !spelled(long)) found.push(`README: the CLI synopsis lacks ${long}`);
  }
  const block = /## Two commands \(fresh machine\)\n\n```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const testCommand = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).find((l) => l.includes('test'));
  const mainJob = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).find((l) => l.includes('examples'));
  if (!testCommand || !mainJob) found.push('README: the "Two commands" block must hold the main job and the test command');
  const ci = readFileSync(join(root, '.ci/run'), 'utf8').split('\n').map((l) => l.trim());
  if (testCommand && !ci.includes(testCommand)) found.push(`.ci/run does not run the README's test command \`${testCommand}\``);
  for (const command of [testCommand, mainJob]) {
    const script = command && /^bash (\S+)$/.exec(command)?.[1];
    if (command && (!script || !existsSync(join(root, script)))) found.push(`README: \`${command}\` is not \`bash\` of a script that exists`);
  }
  for (const [path] of text.matchAll(/\b(?:scripts|test\/support)\/[\w./-]*\w/g)) {
    if (!existsSync(join(root, path))) found.push(`README: ${path} does not exist`);
  }
  return found;
}

const text = readFileSync(readmePath, 'utf8');
const fresh = regenerate(text);
if (process.argv.includes('--check')) {
  const found = problems(fresh);
  if (fresh !== text) {
    const [a, b] = [text.split('\n'), fresh.split('\n')];
    const line = a.findIndex((l, i) => l !== b[i]);
    found.unshift(`README.md is stale from line ${line + 1} (\`${a[line]}\` should read \`${b[line]}\`): run \`npm run readme\``);
  }
  for (const p of found) console.error(`    ${p}`);
  if (found.length === 0) console.log(`    README.md: ${FACTS.length} generated figures up to date; CLI synopsis and .ci/run agree`);
  process.exitCode = found.length === 0 ? 0 : 1;
} else {
  writeFileSync(readmePath, fresh);
  for (const p of problems(fresh)) console.error(`    ${p}`);
  console.log(fresh === text ? '    README.md was up to date' : '    wrote README.md');
}
