// What bench/bench.mjs reads besides the generated events (bench/events.mjs):
// - the crate's shape tables, both protocols (`cargo run --example shapes`, the rows
//   crate/tests/shapes.rs checks against the crate);
// - the recorded-style sessions (scripts/make-session.mjs): examples/beta-session.jsonl and
//   examples/ga-session.jsonl, one spoken question, a tool call and a spoken reply each, written as
//   the service and a client wrote them (with members the crate does not know).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Both protocols' shape tables, as `cargo run --example shapes` prints them. @param {string} root */
export function shapeTables(root) {
  const out = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8' });
  const { beta, ga } = JSON.parse(out);
  return { beta, ga };
}

/** The beta shape table alone. @param {string} root */
export const shapeTable = (root) => shapeTables(root).beta;

/** The tag values of a table's tagged root `name`. @param {{ types: any[] }} table @param {string} name @returns {string[]} */
export function variantsOf(table, name) {
  const row = table.types.find((t) => t.name === name);
  if (row?.kind !== 'tagged') throw new Error(`shape table: ${name} is not a tagged row`);
  return row.variants.map((/** @type {{ value: string }} */ v) => v.value);
}

/**
 * A session log's lines split by direction: `turn` is its server lines the crate accepts, in
 * order, as written (`accepts` is the codec's answer); `refused` the server lines it refuses;
 * `client` its client lines; `firstClient` / `firstServer` the first line of each direction.
 * @param {string} root @param {string} file @param {{ types: any[], server: string }} table
 * @param {(text: string) => boolean} accepts
 */
export function sessionWorkload(root, file, table, accepts) {
  const serverTypes = new Set(variantsOf(table, table.server));
  const lines = readFileSync(join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((text) => ({ text, type: /** @type {string} */ (JSON.parse(text).type) }));
  const server = lines.filter((l) => serverTypes.has(l.type));
  const client = lines.filter((l) => !serverTypes.has(l.type));
  const turn = server.filter((l) => accepts(l.text)).map((l) => l.text);
  const refused = server.filter((l) => !accepts(l.text));
  const firstClient = client[0];
  const firstServer = server[0];
  if (!firstClient || !firstServer) throw new Error(`${file}: a session needs lines of both directions`);
  return { file, turn, refused, client: client.map((l) => l.text), firstClient, firstServer };
}
