// @ts-check
// The GA half of the drift report (scripts/drift.mjs): the GA crate (async-openai-wasm 0.31.2,
// `shape::GA`, printed by `cargo run -p realtime-codec --example shapes`) against (1) the openai
// npm package's GA realtime types (`resources/realtime/realtime`: `RealtimeClientEvent`,
// `RealtimeServerEvent`) and (2) the zod schemas of @openai/agents-realtime run on the GA corpus
// (test/vectors/ga/*.json, whose expectations the crate itself wrote). GA has no wasm module yet,
// so the crate's behaviour here is the shape table and the corpus outcomes, nothing guessed.
import { merge } from './shape.mjs';

/** @typedef {import('./shape.mjs').Entry} Entry */
/** @typedef {Record<string, Record<string, Entry>>} Shape */
/** @typedef {{ name: string, kind: string, members?: { name: string, presence: string, type: any }[], variants?: { struct: string, value: string }[], tag?: string, values?: string[], alternatives?: any[] }} Row */

/**
 * Every event type's member paths in the crate's shape table, as shape.mjs describes TypeScript.
 * @param {{ types: Row[] }} table the `ga` half of the shapes example's output
 * @param {string} union the events' tagged row (`RealtimeClientEvent`, `RealtimeServerEvent`)
 * @returns {Shape}
 */
export function crateShape(table, union) {
  const byName = new Map(table.types.map((t) => [t.name, t]));
  const row = (/** @type {string} */ name) => {
    const t = byName.get(name);
    if (!t) throw new Error(`shape table: no row ${name}`);
    return t;
  };
  /** @param {any} type @returns {Entry} kind and values of a member type (without presence) */
  const kindOf = (type) => {
    if (typeof type === 'string') {
      /** @type {Record<string, string>} */
      const kinds = { string: 'string', u32: 'number', u64: 'number', i64: 'number', f32: 'number', f64: 'number', bool: 'boolean', json: 'unknown' };
      return { required: true, kind: kinds[type] ?? type };
    }
    if (type.list !== undefined) return { required: true, kind: 'array' };
    // A map (`HashMap<String, T>`, such as metadata): an object of free keys.
    if (type.map !== undefined) return { required: true, kind: 'object' };
    if (type.literal !== undefined) return { required: true, kind: 'enum', values: [String(type.literal)] };
    const t = row(type.ref);
    if (t.kind === 'enum') return { required: true, kind: 'enum', values: [...(t.values ?? [])].sort() };
    if (t.kind === 'untagged') {
      /** @type {Record<string, Entry>} */
      const one = {};
      for (const alt of t.alternatives ?? []) merge(one, '', kindOf(alt));
      return /** @type {Entry} */ (one['']);
    }
    return { required: true, kind: 'object' };
  };
  /**
   * @param {any} type @param {string} path @param {Record<string, Entry>} paths @param {number} depth
   */
  const into = (type, path, paths, depth) => {
    if (depth > 8 || typeof type === 'string' || type.literal !== undefined || type.map !== undefined) return;
    if (type.list !== undefined) {
      merge(paths, `${path}/[]`, kindOf(type.list));
      into(type.list, `${path}/[]`, paths, depth + 1);
      return;
    }
    const t = row(type.ref);
    if (t.kind === 'struct') walk(t, path, paths, depth);
    if (t.kind === 'untagged') for (const alt of t.alternatives ?? []) into(alt, path, paths, depth + 1);
    if (t.kind === 'tagged') {
      merge(paths, `${path}/${t.tag}`, { required: true, kind: 'enum', values: (t.variants ?? []).map((v) => v.value).sort() });
      for (const v of t.variants ?? []) into({ ref: v.struct }, path, paths, depth + 1);
    }
  };
  /** @param {Row} t @param {string} path @param {Record<string, Entry>} paths @param {number} depth */
  const walk = (t, path, paths, depth) => {
    for (const m of t.members ?? []) {
      const at = `${path}/${m.name}`;
      merge(paths, at, { ...kindOf(m.type), required: m.presence === 'required', ...(m.presence === 'nullable' ? { nullable: true } : {}) });
      if (!at.endsWith('/parameters')) into(m.type, at, paths, depth + 1);
    }
  };
  /** @type {Shape} */
  const events = {};
  for (const v of row(union).variants ?? []) {
    /** @type {Record<string, Entry>} */
    const paths = {};
    walk(row(v.struct), '', paths, 0);
    events[v.value] = paths;
  }
  return events;
}

const cell = (/** @type {Entry | undefined} */ e) => (e ? `${e.required ? 'required' : 'optional'}${e.nullable ? ', nullable' : ''}${e.values ? `: ${e.values.join(', ')}` : ''}` : '—');
const free = (/** @type {Entry} */ e) => e.kind.split('|').some((k) => k !== 'enum' && /string/.test(k));

/**
 * Per event type and member path: where the crate's table and the npm types differ.
 * @param {Shape} crate @param {Shape} npm
 */
export function compareWithNpm(crate, npm) {
  const types = [...new Set([...Object.keys(crate), ...Object.keys(npm)])].sort();
  const typeRows = types.filter((t) => !crate[t] || !npm[t]).map((t) => `| \`${t}\` | ${crate[t] ? 'yes' : '—'} | ${npm[t] ? 'yes' : '—'} |`);
  const memberRows = [];
  const counts = { missing: 0, extra: 0, required: 0, optional: 0, values: 0, nullable: 0 };
  for (const type of types.filter((t) => crate[t] && npm[t])) {
    const c = crate[type] ?? {};
    const n = npm[type] ?? {};
    for (const path of [...new Set([...Object.keys(c), ...Object.keys(n)])].sort()) {
      const [a, b] = [c[path], n[path]];
      // Below a member one side lacks, say it once (at the top), not for every child.
      const parent = path.split('/').slice(0, -1).join('/');
      if (parent && ((!c[parent] && n[parent]) || (c[parent] && !n[parent]))) continue;
      const verdicts = [];
      if (!a) { verdicts.push('missing in the crate'); counts.missing += 1; }
      else if (!b) { verdicts.push('the crate only'); counts.extra += 1; }
      else {
        if (a.required && !b.required) { verdicts.push('required by the crate, optional in npm'); counts.required += 1; }
        if (!a.required && b.required) { verdicts.push('required in npm, optional in the crate'); counts.optional += 1; }
        if (b.nullable && !a.nullable) { verdicts.push('`null` in npm, not in the crate'); counts.nullable += 1; }
        if (a.nullable && !b.nullable) { verdicts.push('`null` in the crate, not in npm'); counts.nullable += 1; }
        const [af, bf] = [free(a), free(b)];
        const before = verdicts.length;
        if (a.values && !af && bf) verdicts.push(`closed in the crate (${a.values.join(', ')}), any string in npm`);
        if (b.values && !bf && af) verdicts.push(`any string in the crate, closed in npm (${b.values.join(', ')})`);
        if (a.values && b.values) {
          const only = a.values.filter((v) => !b.values?.includes(v));
          const theirs = b.values.filter((v) => !a.values?.includes(v));
          if (only.length && !bf) verdicts.push(`crate only: ${only.join(', ')}`);
          if (theirs.length && !af) verdicts.push(`npm only: ${theirs.join(', ')}`);
          else if (theirs.length) verdicts.push(`npm names ${theirs.join(', ')} (the crate takes any string)`);
        }
        if (verdicts.length > before) counts.values += 1;
      }
      if (verdicts.length) memberRows.push(`| \`${type}\` | \`${path}\` | ${cell(a)} | ${cell(b)} | ${verdicts.join('; ')} |`);
    }
  }
  return { typeRows, memberRows, counts };
}

/**
 * The leaf paths of a JSON value (array elements by index), for what-was-dropped comparisons.
 * @param {unknown} value @param {string} [at] @param {string[]} [out]
 */
function leaves(value, at = '', out = []) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    if (entries.length === 0) out.push(at);
    for (const [k, v] of entries) leaves(v, `${at}/${k}`, out);
  } else out.push(at);
  return out;
}
/** @param {unknown} input @param {unknown} output the input's leaves that are not in the output */
const droppedFrom = (input, output) => {
  const kept = new Set(leaves(output));
  // Under free-form JSON (tool parameters, arguments) nothing is compared.
  return leaves(input).filter((p) => !kept.has(p) && !/\/parameters\//.test(p));
};

/**
 * The GA corpus through agents-realtime's zod schemas, beside the crate's recorded outcome.
 * @param {{ realtimeClientEventSchema: any, realtimeServerEventSchema: any }} agents
 * @param {{ file: string, direction: 'client' | 'server', name: string, input: string, expect: { canonical?: string, error?: { code: string, path: string } } }[]} cases
 */
export function againstAgents(agents, cases) {
  const rows = [];
  const counts = { cases: cases.length, both: 0, crateOnly: 0, agentsOnly: 0, neither: 0, noSchema: 0, crateDrops: 0, agentsDrops: 0 };
  for (const c of cases) {
    const schema = c.direction === 'server' ? agents.realtimeServerEventSchema : agents.realtimeClientEventSchema;
    const input = JSON.parse(c.input);
    const known = schema.options.some((/** @type {any} */ o) => o.shape.type.value === input.type);
    const r = known ? schema.safeParse(input) : null;
    const issue = r && !r.success ? r.error.issues[0] : null;
    const agentsSays = !known ? 'no schema for the type' : r.success ? 'accepted' : `refused at \`/${issue.path.join('/')}\`: ${String(issue.message).replace(/\s+/g, ' ').slice(0, 120)}`;
    const crateOk = c.expect.canonical !== undefined;
    const crateSays = crateOk ? 'accepted' : `rejected (\`${c.expect.error?.code}\` at \`${c.expect.error?.path}\`)`;
    const crateDrops = crateOk ? droppedFrom(input, JSON.parse(/** @type {string} */ (c.expect.canonical))) : [];
    const agentsDrops = r?.success ? droppedFrom(input, r.data) : [];
    const agentsOk = Boolean(r?.success);
    if (!known && crateOk) counts.noSchema += 1;
    if (crateOk && agentsOk) counts.both += 1;
    else if (crateOk) counts.crateOnly += 1;
    else if (agentsOk) counts.agentsOnly += 1;
    else counts.neither += 1;
    if (crateDrops.length) counts.crateDrops += 1;
    if (agentsDrops.length) counts.agentsDrops += 1;
    if (crateOk === agentsOk && crateDrops.length === 0 && agentsDrops.length === 0) continue;
    const list = (/** @type {string[]} */ ps) => (ps.length ? ps.map((p) => `\`${p}\``).join(', ') : '—');
    rows.push(`| ${c.file}: ${c.name.replace(/\|/g, '\\|')} | ${crateSays} | ${agentsSays.replace(/\|/g, '\\|')} | ${list(crateDrops)} | ${list(agentsDrops)} |`);
  }
  return { rows, counts };
}
