// @ts-check
// The server-event half of the drift report (scripts/drift.mjs): the crate's beta `ServerEvent`
// (as this package reads it, `ServerEventInput`, and writes it, `ServerEvent`) against the openai
// npm package's `RealtimeServerEvent` and the Python package's pydantic `RealtimeServerEvent`.
// Every claim about the crate is also tried through the codec (dist/node.mjs): members the crate
// lacks are sent and looked for in the diff, members it requires are left out, `null`s and the
// SDKs' extra enum values are sent, and each number's range is found by sending values.

/** @typedef {import('./shape.mjs').Entry} Entry */
/** @typedef {Record<string, Record<string, Entry>>} Shape */
/** @typedef {{ ok: true, canonical: string, differences: { kind: string, path: string }[] } | { ok: false, code: string, path: string }} Outcome */

/** A stand-in for a number written as raw JSON text (so that 2^64-1 is sent exactly). */
const RAW = 'RAW-NUMBER:';

/** @param {unknown} event @returns {string} */
const text = (event) => JSON.stringify(event).replace(new RegExp(`"${RAW}([^"]*)"`, 'g'), '$1');

/**
 * The parent object of `path` in `event` and the last key; arrays are entered at element 0,
 * created (with one `{}`) only when `create`. Null when the path is not there.
 * @param {any} event
 * @param {string} path
 * @param {boolean} create
 * @returns {{ at: any, key: string } | null}
 */
function locate(event, path, create) {
  const keys = path.split('/').slice(1);
  let at = event;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = /** @type {string} */ (keys[i]);
    if (at === null || typeof at !== 'object') return null;
    if (keys[i + 1] === '[]') {
      if (!Array.isArray(at[key]) || at[key].length === 0) {
        if (!create) return null;
        at[key] = [{}];
      }
      at = at[key][0];
      i += 1;
    } else {
      if (at[key] === undefined || at[key] === null) {
        if (!create) return null;
        at[key] = {};
      }
      at = at[key];
    }
  }
  const key = keys[keys.length - 1];
  if (key === undefined || key === '[]' || at === null || typeof at !== 'object' || Array.isArray(at)) return null;
  return { at, key };
}

/** @param {Entry} entry @returns {unknown} a value of the official kind */
function sample(entry) {
  if (entry.values) return entry.values[0];
  const kind = entry.kind.split('|')[0] ?? '';
  /** @type {Record<string, unknown>} */
  const samples = { string: 'x', number: 1, boolean: true, object: {}, array: [] };
  return samples[kind] ?? 'x';
}

/** @param {string} path @returns {string} the path with array indices as `[]` */
const generic = (path) => path.replace(/\/\d+(?=\/|$)/g, '/[]');

/**
 * @param {any} codec dist/node.mjs
 * @param {Shape} crateIn what the crate reads (`ServerEventInput`)
 * @param {Shape} crateOut what it writes (`ServerEvent`)
 * @param {Shape} npm
 * @param {Shape} py
 * @param {Record<string, string[]>} ownBases the valid corpus events of each crate type (canonical text), most members first
 */
export function serverDrift(codec, crateIn, crateOut, npm, py, ownBases) {
  /** @param {string} input @returns {Outcome} */
  const run = (input) => {
    try {
      const { canonical, differences } = codec.diffServerEvent(input);
      return { ok: true, canonical, differences };
    } catch (error) {
      if (!(error instanceof codec.ServerEventError)) throw error;
      const { code, path } = /** @type {{ code: string, path: string }} */ (error);
      return { ok: false, code, path };
    }
  };
  /**
   * Events of `type` with `path` set to `value` (removed, for `undefined`), each with the `type`
   * tag of the object holding the member (a variant, such as `status_details`' `incomplete`).
   * `where`: 'exists' uses the corpus events that have the member; 'parent' those that have the
   * object holding it, else the first event with that object created.
   * @param {string} type
   * @param {string} path
   * @param {unknown} value
   * @param {'exists' | 'parent'} where
   * @returns {{ input: string, tag: string }[]}
   */
  const variants = (type, path, value, where) => {
    // An array element: the array with that one element.
    if (path.endsWith('/[]')) return value === undefined ? [] : variants(type, path.slice(0, -3), [value], where);
    const out = [];
    for (const base of bases[type] ?? []) {
      const event = JSON.parse(base);
      const place = locate(event, path, false);
      if (!place || (where === 'exists' && !(place.key in place.at))) continue;
      const tag = typeof place.at.type === 'string' && path.split('/').length > 2 ? place.at.type : '';
      if (value === undefined) delete place.at[place.key];
      else place.at[place.key] = value;
      out.push({ input: text(event), tag });
    }
    if (out.length > 0 || where !== 'parent') return out;
    for (const base of bases[type] ?? []) {
      const event = JSON.parse(base);
      const place = locate(event, path, true);
      if (!place) continue;
      place.at[place.key] = value;
      out.push({ input: text(event), tag: '' });
    }
    return out;
  };
  /**
   * The outcome, unless the codec rejected the event somewhere other than at or under `path`
   * (then the probe says nothing about the member): null.
   * @param {string} input @param {string} path @returns {Outcome | null}
   */
  const probe = (input, path) => {
    const r = run(input);
    if (r.ok) return r;
    const at = generic(r.path);
    return at === path || at.startsWith(`${path}/`) || path.startsWith(`${at}/`) || at === '' ? r : null;
  };
  /** @param {Outcome} r */
  const rejected = (r) => (r.ok ? 'accepted' : `rejected (\`${r.code}\` at \`${generic(r.path)}\`)`);
  /**
   * What the crate does with `value` at `path` (`undefined`: without the member), per variant
   * of the object holding it when they differ.
   * @param {string} type @param {string} path @param {unknown} value
   */
  const attempt = (type, path, value) => {
    /** @type {Map<string, string>} */
    const byTag = new Map();
    for (const { input, tag } of variants(type, path, value, 'exists')) {
      if (byTag.has(tag)) continue;
      const r = probe(input, path);
      if (r) byTag.set(tag, rejected(r));
    }
    if (byTag.size === 0) return 'not tried';
    const distinct = new Set(byTag.values());
    if (distinct.size === 1) return /** @type {string} */ ([...distinct][0]);
    return [...byTag].map(([tag, r]) => `with \`type: ${tag}\` ${r}`).join(', ');
  };

  // More carriers: a type's event with one top-level object taken from another type's event (so
  // `response.created` gets the `status_details` and `usage` seen only in `response.done`), kept
  // only when the crate accepts the result.
  /** @type {Record<string, string[]>} */
  const carriers = {};
  for (const [type, own] of Object.entries(ownBases)) {
    const first = own[0];
    const list = [...own];
    if (first !== undefined) {
      const event = JSON.parse(first);
      for (const key of Object.keys(event)) {
        if (event[key] === null || typeof event[key] !== 'object') continue;
        for (const [other, theirs] of Object.entries(ownBases)) {
          if (other === type) continue;
          for (const t of theirs) {
            const donor = JSON.parse(t)[key];
            if (donor === null || typeof donor !== 'object') continue;
            const input = JSON.stringify({ ...event, [key]: donor });
            if (!list.includes(input) && run(input).ok) list.push(input);
          }
        }
      }
    }
    carriers[type] = list;
  }
  const bases = carriers;

  // Event types.
  const types = [...new Set([...Object.keys(crateIn), ...Object.keys(npm), ...Object.keys(py)])].sort();
  const eventRows = [];
  for (const type of types) {
    if (crateIn[type]) continue;
    const r = run(JSON.stringify({ type, event_id: 'event_1' }));
    eventRows.push(`| \`${type}\` | — | ${npm[type] ? 'yes' : '—'} | ${py[type] ? 'yes' : '—'} | unknown to the crate: ${r.ok ? 'accepted?' : `\`${r.code}\``} |`);
  }

  // Members.
  const counts = { missing: 0, dropped: 0, missingRejected: 0, requiredOnly: 0, nullRejected: 0, nullRejectedNpm: 0, values: 0, writesNull: 0, extra: 0 };
  const memberRows = [];
  const sdks = /** @type {const} */ (['npm', 'Python']);
  for (const type of Object.keys(crateIn).sort()) {
    const a0 = crateIn[type] ?? {};
    const o0 = crateOut[type] ?? {};
    const n0 = npm[type] ?? {};
    const p0 = py[type] ?? {};
    for (const path of [...new Set([...Object.keys(a0), ...Object.keys(n0), ...Object.keys(p0)])].sort()) {
      const [a, o] = [a0[path], o0[path]];
      /** @type {[string, Entry | undefined][]} */
      const official = [[sdks[0], n0[path]], [sdks[1], p0[path]]];
      const present = official.filter(([, e]) => e).map(([name]) => name);
      /** @type {Map<string, string[]>} a verdict and the SDKs it is against */
      const against = new Map();
      const say = (/** @type {string} */ verdict, /** @type {string} */ name) => against.set(verdict, [...(against.get(verdict) ?? []), name]);
      /** @type {string[]} verdicts that name no SDK */
      const plain = [];
      if (!a) {
        const entry = /** @type {Entry} */ (n0[path] ?? p0[path]);
        const tries = variants(type, path, sample(entry), 'parent');
        let behaviour = 'not tried';
        const r = tries.map(({ input }) => probe(input, path)).find((x) => x !== null);
        if (r) {
          if (r.ok) {
            const dropped = r.differences.some((x) => x.kind === 'dropped' && (path === generic(x.path) || path.startsWith(`${generic(x.path)}/`)));
            behaviour = dropped ? 'dropped silently' : 'accepted';
            if (dropped) counts.dropped += 1;
          } else {
            behaviour = rejected(r);
            counts.missingRejected += 1;
          }
        }
        counts.missing += 1;
        plain.push(`missing in the crate: ${behaviour}`);
      } else {
        if (present.length === 0) {
          counts.extra += 1;
          plain.push(a.required ? `extra in the crate, required: without it ${attempt(type, path, undefined)}` : 'extra in the crate');
        }
        let probedAbsent = false;
        let probedNull = false;
        for (const [name, sdk] of official) {
          if (!sdk) continue;
          if (a.required && !sdk.required) {
            say('required by the crate', name);
            probedAbsent = true;
          }
          if (!a.required && sdk.required) say('required in the SDK only', name);
          if (sdk.nullable && !a.nullable) {
            say('null allowed by the SDK', name);
            probedNull = true;
          }
          // (Free-form JSON, such as tool `parameters`, is `null` only when it was sent as `null`.)
          if (o?.nullable && !sdk.nullable && jsonKind(o.kind)) say('the crate may write `null` where the SDK has no null', name);
          const crateFree = a.kind.split('|').some((k) => k !== 'enum' && k.includes('string'));
          const sdkFree = sdk.kind.split('|').some((k) => k !== 'enum' && k.includes('string'));
          if (a.values && !crateFree && sdkFree) say(`closed in the crate (${a.values.join(', ')}), any string in the SDK`, name);
          if (sdk.values && !sdkFree && crateFree) say(`any string in the crate, closed in the SDK (${sdk.values.join(', ')})`, name);
          if (a.values && sdk.values) {
            const only = a.values.filter((v) => !sdk.values?.includes(v));
            const theirs = sdk.values.filter((v) => !a.values?.includes(v));
            if (only.length && !sdkFree) say(`crate only: ${only.join(', ')}`, name);
            // Also the values an open SDK list names (newer voices), and where the crate's list
            // is one variant's (an open one may take them): the codec says.
            for (const v of theirs) say(`SDK value \`${v}\`: ${attempt(type, path, v)}`, name);
          }
          if (!a.values && !crateFree && sdk.values && !sdkFree) say(`closed in the SDK (${sdk.values.join(', ')})`, name);
        }
        if (a.values && !a.kind.split('|').some((k) => k !== 'enum' && k.includes('string')) && [...against.keys()].some((k) => k.startsWith('closed in the crate'))) {
          plain.push(`another string: ${attempt(type, path, 'x-unlisted')}`);
        }
        if (probedAbsent) {
          counts.requiredOnly += 1;
          plain.push(`without it: ${attempt(type, path, undefined)}`);
        }
        if (probedNull) {
          const r = attempt(type, path, null);
          if (r.startsWith('rejected')) counts.nullRejected += 1;
          if (r.startsWith('rejected') && against.get('null allowed by the SDK')?.includes('npm')) counts.nullRejectedNpm += 1;
          plain.push(`\`null\`: ${r}`);
        }
        if ([...against.keys()].some((k) => k.startsWith('SDK value') || k.startsWith('closed in the crate') || k.startsWith('any string'))) counts.values += 1;
        if (against.has('the crate may write `null` where the SDK has no null')) counts.writesNull += 1;
      }
      const verdicts = [...[...against].map(([v, names]) => `${v} (${names.join(', ')})`), ...plain];
      if (verdicts.length) memberRows.push(`| \`${type}\` | \`${path}\` | ${cellOf(a)} | ${cellOf(n0[path])} | ${cellOf(p0[path])} | ${verdicts.join('; ')} |`);
    }
  }

  // Numbers: each crate number's range, found by sending values.
  /** @type {Map<string, { events: string[], width: string, npm: string, py: string }>} */
  const numbers = new Map();
  for (const type of Object.keys(crateIn).sort()) {
    for (const [path, entry] of Object.entries(crateIn[type] ?? {})) {
      if (!entry.kind.split('|').includes('number') || path.includes('/parameters')) continue;
      const width = widthOf(type, path);
      const n = npm[type]?.[path];
      const p = py[type]?.[path];
      const row = { npm: n ? (n.kind.includes('number') ? 'number' : n.kind) : '—', py: p ? (p.integer ? 'int' : p.kind.includes('number') ? 'float' : p.kind) : '—' };
      const key = `${path}|${width}|${row.npm}|${row.py}`;
      const seen = numbers.get(key);
      if (seen) seen.events.push(type);
      else numbers.set(key, { events: [type], width, ...row });
    }
  }
  /** @param {string} type @param {string} path */
  function widthOf(type, path) {
    const ok = (/** @type {string} */ raw) => {
      const input = variants(type, path, `${RAW}${raw}`, 'exists')[0]?.input;
      return input !== undefined && run(input).ok;
    };
    if (!ok('0')) return 'not tried';
    if (ok('0.5')) {
      const input = variants(type, path, 0.123456789, 'exists')[0]?.input;
      const r = input === undefined ? null : run(input);
      const back = r && r.ok ? locate(JSON.parse(r.canonical), path, false) : null;
      const value = back ? back.at[back.key] : undefined;
      return value === 0.123456789 ? 'f64' : value === 0.12345679 ? 'f32 (0.123456789 written 0.12345679)' : `float (0.123456789 written ${JSON.stringify(value)})`;
    }
    const signed = ok('-1');
    for (const [bits, max] of /** @type {const} */ ([[8, '255'], [16, '65535'], [32, '4294967295'], [64, '18446744073709551615']])) {
      const top = signed ? (BigInt(max) / 2n).toString() : max;
      const over = (BigInt(top) + 1n).toString();
      if (ok(top) && !ok(over)) return `${signed ? 'i' : 'u'}${bits} (${signed ? `${-BigInt(top) - 1n}` : '0'} to ${top}; ${over} rejected)`;
    }
    return 'integer, wider than 64 bits?';
  }
  const numberRows = [...numbers.values()]
    .sort((x, y) => (x.events[0] ?? '').localeCompare(y.events[0] ?? ''))
    .map((v) => {
      const key = [...numbers].find(([, w]) => w === v)?.[0] ?? '';
      const path = key.split('|')[0];
      const note = v.width.startsWith('f') && v.py === 'int' ? 'Python: integer only, the crate: any number'
        : /^[ui]\d/.test(v.width) && v.py === 'float' ? 'the crate rejects fractions Python allows'
          : /^u/.test(v.width) && v.py === 'int' ? 'the crate rejects negative numbers and ones beyond its range'
            : '';
      return `| \`${path}\` | ${v.events.map((e) => `\`${e}\``).join(', ')} | ${v.width} | ${v.npm} | ${v.py} | ${note} |`;
    });

  return { eventRows, memberRows, numberRows, counts, unknownTypes: eventRows.length };
}

/** Whether a kind is not free-form JSON. @param {string} kind */
const jsonKind = (kind) => !/unknown|any|Any|JsonValue/.test(kind) && kind !== 'array|boolean|number|object|string';

/** @param {Entry | undefined} entry */
function cellOf(entry) {
  if (!entry) return '—';
  return `${entry.required ? 'required' : 'optional'}${entry.nullable ? ', nullable' : ''}${entry.values ? `: ${entry.values.join(', ')}` : ''}`;
}
