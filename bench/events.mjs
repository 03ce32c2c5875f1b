// Events drawn from the crate's shape table (`cargo run --example shapes`, the source of
// ts/shapes.ts) with realistic leaves, chosen by member name: ids of 20-40 characters,
// instructions of 50-2000, deltas of 1-40, audio appends of 20-100 ms of 24 kHz PCM16 in base64,
// text with some CJK, emoji and accents, tool parameter schemas of several shapes; audio deltas
// carry base64 audio too. Optional members present with probability 0.6. Both protocols' tables
// (GA's nested tagged unions and maps included). Seeded (splitmix32), so a run is reproducible from its seed.

/** splitmix32: uniform in [0, 1). @param {number} seed */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

const WORDS = ['the', 'bike', 'order', 'stock', 'size', 'price', 'délai', 'garçon', 'Straße', '自転車', '在庫', 'サイズ', '👍', '🚲', 'ok', 'please', 'check', 'naïve', 'über', '你好'];

/** @param {{ types: any[] }} table @param {number} seed */
export function realisticGenerator(table, seed) {
  const random = prng(seed);
  /** The type of the event being drawn: audio deltas carry base64 audio, other deltas text. */
  let eventType = '';
  const rows = new Map(table.types.map((t) => [t.name, t]));
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const ID = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const id = (prefix) => prefix + Array.from({ length: int(20, 40) - prefix.length }, () => pick(ID)).join('');
  const text = (lo, hi) => {
    let s = '';
    while (s.length < lo) s += (s ? ' ' : '') + pick(WORDS);
    return s.slice(0, Math.max(lo, Math.min(hi, s.length)));
  };
  const audio = () => {
    const samples = 24 * int(20, 100);
    const pcm = new Int16Array(samples);
    for (let i = 0; i < samples; i++) pcm[i] = Math.round(12000 * Math.sin(i / (3 + random() * 8)) * random());
    return Buffer.from(pcm.buffer).toString('base64');
  };
  const schema = () => pick([
    () => ({ type: 'object', properties: { query: { type: 'string', description: text(10, 60) } }, required: ['query'] }),
    () => ({ type: 'object', properties: { address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } }, required: ['city'] }, when: { type: 'string', format: 'date-time' } } }),
    () => ({ type: 'object', properties: { unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1, maximum: 14 } }, required: ['unit'] }),
    () => ({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'number' } } } } } }),
  ])();
  const str = (name) => {
    if (name === 'audio' || name === 'delta_audio') return audio();
    if (name === 'event_id') return id('evt_');
    if (name === 'call_id') return id('call_');
    if (name.endsWith('id')) return id('item_');
    if (name === 'instructions') return text(50, 2000);
    if (name === 'delta') return /audio\.delta$/.test(eventType) ? audio() : text(1, 40);
    if (name === 'text' || name === 'transcript' || name === 'description' || name === 'output') return text(5, 300);
    if (name === 'arguments') return JSON.stringify({ query: text(3, 40), limit: int(1, 20) });
    return text(3, 30);
  };
  const of = (ref, name) => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string': return str(name);
        case 'bool': return random() < 0.5;
        case 'u8': return int(0, 255);
        case 'u16': return int(0, 65535);
        case 'u32': return pick([int(0, 9), int(10, 999), int(1000, 100_000)]);
        case 'f32': case 'f64': return int(0, 8000) / 8; // multiples of 1/8: exact in f32
        case 'json': return name === 'parameters' ? schema() : { name: text(3, 20), count: int(0, 100) };
        default: throw new Error(`shape table: unknown leaf ${ref}`);
      }
    }
    if ('list' in ref) return Array.from({ length: int(0, 3) }, () => of(ref.list, name));
    if ('map' in ref) return Object.fromEntries(Array.from({ length: int(0, 3) }, () => [text(3, 16), of(ref.map, name)]));
    if ('literal' in ref) return ref.literal;
    return named(ref.ref, name);
  };
  // A variant's struct, its tags first (outermost first): a variant may itself be a tagged row, as
  // GA's message items are (`role` inside `type`).
  const struct = (sname, tags) => {
    const row = rows.get(sname);
    if (row?.kind === 'tagged') {
      const v = pick(row.variants);
      return struct(v.struct, [...tags, [row.tag, v.value]]);
    }
    if (row?.kind !== 'struct') throw new Error(`shape table: ${sname} is not a struct row`);
    const out = Object.fromEntries(tags);
    for (const m of row.members) if (m.presence === 'required' || random() < 0.6) out[m.name] = of(m.type, m.name);
    return out;
  };
  const named = (tname, name) => {
    const row = rows.get(tname);
    switch (row?.kind) {
      case 'enum': return pick(row.values);
      case 'struct': return struct(tname, []);
      case 'tagged': { const v = pick(row.variants); return struct(v.struct, [[row.tag, v.value]]); }
      case 'untagged': return of(pick(row.alternatives), name);
      default: throw new Error(`shape table: no row ${tname}`);
    }
  };
  return {
    /** @param {string} root @param {string} type */
    event(root, type) {
      const row = rows.get(root);
      const v = row?.variants.find((x) => x.value === type);
      if (!v) throw new Error(`shape table: ${root} has no variant ${type}`);
      eventType = type;
      return struct(v.struct, [[row.tag, v.value]]);
    },
  };
}
