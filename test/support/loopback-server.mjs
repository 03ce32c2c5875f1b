// @ts-check
// A loopback stand-in for the beta Realtime service, on the `ws` package, bound to 127.0.0.1 only.
// It replays the server events of examples/beta-session.jsonl (a spoken question, a tool call and
// a spoken answer; written by scripts/make-session.mjs) and records every client frame it receives,
// byte for byte. Used by examples/node-client.mjs, examples/relay.mjs, test/socket.test.ts, the
// browser test test/browser/socket.test.ts and scripts/socket-load.mjs.
//
// Two ways to replay (`mode`):
//   'turn'   (default) answers the client the way the log does: every server line waits for the
//            client event that precedes it in the log (session.created on connect, session.updated
//            after session.update, ...). The one change: server lines that follow audio appends in
//            the log (the service's VAD at work) wait for `input_audio_buffer.commit`, since this
//            server has no VAD. Gates count: the k-th gate of one type waits for the client's k-th
//            event of that type, and segments go out in log order.
//   'stream' sends every server line on connect, `repeat` times over (or `count` events in all),
//            whatever the client does.
// Pacing (`pacing`): 'fast' (as fast as the socket drains) or 'realtime': after a
// `response.audio.delta` it waits as long as its audio plays (PCM16 at 24 kHz), after any other
// delta 20 ms; other events go out at once. `speed` divides those waits.
// `dropAfter`: the server terminates each connection (no close frame: a dropped TCP connection)
// after sending that many events, to test a relay and clients against an upstream that fails mid-response.
//
//   node test/support/loopback-server.mjs [--port 8790] [--pacing realtime|fast] [--mode turn|stream]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SESSION_LOG = join(root, 'examples/beta-session.jsonl');

/** The 9 client event types of the beta crate (any other line of the log is a server event). */
const CLIENT_TYPES = new Set([
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
]);

/**
 * @typedef {{ gate: string | null, lines: string[] }} Segment
 *   `gate`: the client event type that releases these server lines (null: on connect)
 * @typedef {{ server: string[], client: string[], segments: Segment[] }} Session
 */

/**
 * The session log split by direction, and the server lines grouped by what releases them.
 * @param {string} [file] a JSONL log, both directions in socket order
 * @returns {Session}
 */
export function loadSession(file = SESSION_LOG) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  /** @type {string[]} */ const server = [];
  /** @type {string[]} */ const client = [];
  /** @type {Segment[]} */ const segments = [];
  /** @type {string | null} */ let gate = null;
  for (const line of lines) {
    const type = /** @type {{ type?: unknown }} */ (JSON.parse(line)).type;
    if (typeof type === 'string' && CLIENT_TYPES.has(type)) {
      client.push(line);
      gate = type === 'input_audio_buffer.append' ? 'input_audio_buffer.commit' : type;
      continue;
    }
    server.push(line);
    const last = segments[segments.length - 1];
    if (last && last.gate === gate) last.lines.push(line);
    else segments.push({ gate, lines: [line] });
  }
  return { server, client, segments };
}

/**
 * How long to wait after sending `line` at real-time pacing, in ms.
 * @param {string} line
 */
export function pauseAfter(line) {
  if (line.includes('"type":"response.audio.delta"')) {
    const m = /"delta":"([^"]*)"/.exec(line);
    const bytes = m?.[1] ? Math.floor((m[1].length * 3) / 4) : 0;
    return bytes / 48; // 24,000 samples/s x 2 bytes = 48 bytes per ms
  }
  return /"type":"[^"]*\.delta"/.test(line) ? 20 : 0;
}

/**
 * @typedef {object} Received one client frame, exactly as it arrived
 * @property {Buffer} data
 * @property {boolean} binary
 *
 * @typedef {object} LoopbackConnection
 * @property {number} id         1, 2, ... in order of arrival
 * @property {string} url        the request path and query (a relay forwards its client's)
 * @property {Received[]} received every client frame, in order
 * @property {number} sent       server events sent so far
 * @property {Promise<{ code: number, reason: string }>} closed
 * @property {import('ws').WebSocket} socket
 *
 * @typedef {object} LoopbackOptions
 * @property {number} [port]   0 (default): any free port
 * @property {'turn' | 'stream'} [mode]
 * @property {'fast' | 'realtime'} [pacing]
 * @property {number} [speed]  divides real-time waits (default 1)
 * @property {number} [repeat] stream mode: how many times the server lines go out (default 1)
 * @property {number} [count] stream mode: exactly this many events, cycling over the lines (instead of `repeat`)
 * @property {string[]} [lines] stream mode: these lines instead of the log's server lines
 * @property {number} [dropAfter] terminate each connection after this many server events
 * @property {boolean} [closeWhenDone] stream mode: close (1000) after the last event (default false)
 * @property {string} [session] the log file (default examples/beta-session.jsonl)
 *
 * @typedef {object} Loopback
 * @property {string} url   ws://127.0.0.1:PORT
 * @property {number} port
 * @property {Session} session
 * @property {LoopbackConnection[]} connections
 * @property {(n: number) => Promise<LoopbackConnection>} connection resolves once connection n (1-based) arrived
 * @property {() => Promise<void>} close
 */

/**
 * Starts the loopback server.
 * @param {LoopbackOptions} [options]
 * @returns {Promise<Loopback>}
 */
export async function startLoopback(options = {}) {
  const session = loadSession(options.session);
  const mode = options.mode ?? 'turn';
  const pacing = options.pacing ?? 'fast';
  const speed = options.speed ?? 1;
  const repeat = options.repeat ?? 1;
  const streamLines = options.lines ?? session.server;
  const dropAfter = options.dropAfter ?? Infinity;
  /** @type {LoopbackConnection[]} */
  const connections = [];
  /** @type {Map<number, (c: LoopbackConnection) => void>} */
  const waiting = new Map();

  // skipUTF8Validation: a recorder keeps invalid bytes as they came instead of closing with 1007.
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0, maxPayload: 256 * 1024 * 1024, skipUTF8Validation: true });
  await new Promise((ok, fail) => {
    wss.once('listening', ok);
    wss.once('error', fail);
  });
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected address ${address}`);

  wss.on('connection', (socket, request) => {
    /** @type {(v: { code: number, reason: string }) => void} */
    let onClosed = () => {};
    /** @type {LoopbackConnection} */
    const conn = {
      id: connections.length + 1,
      url: request.url ?? '/',
      received: [],
      sent: 0,
      closed: new Promise((ok) => (onClosed = ok)),
      socket,
    };
    connections.push(conn);
    let open = true;
    socket.on('close', (code, reason) => {
      open = false;
      onClosed({ code, reason: reason.toString() });
    });
    socket.on('error', () => {}); // a client that vanishes is an ordinary event here
    /** @type {Map<string, number>} */
    const seen = new Map();
    socket.on('message', (data, binary) => {
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      conn.received.push({ data: bytes, binary });
      if (mode !== 'turn' || binary) return;
      const m = /^\s*\{\s*"type"\s*:\s*"([^"\\]*)"/.exec(bytes.toString('utf8', 0, 80));
      const type = m?.[1];
      if (type !== undefined) {
        seen.set(type, (seen.get(type) ?? 0) + 1);
        pump();
      }
    });

    /** Sends one line, waiting for the socket to drain first if it holds more than 1 MiB. */
    /** @param {string} line */
    const send = async (line) => {
      if (!open) return false;
      if (conn.sent >= dropAfter) {
        open = false;
        socket.terminate();
        return false;
      }
      if (socket.bufferedAmount > 1 << 20) await new Promise((ok) => socket.send(line, ok));
      else socket.send(line);
      conn.sent++;
      if (pacing === 'realtime') {
        const ms = pauseAfter(line) / speed;
        if (ms > 0) await new Promise((ok) => setTimeout(ok, ms));
      }
      return true;
    };

    // Turn mode: the next segment goes out once its gate's count is reached.
    let next = 0;
    let busy = false;
    /** @type {Map<string, number>} */
    const needed = new Map();
    const gateCount = session.segments.map((s) => {
      if (s.gate === null) return 0;
      const k = (needed.get(s.gate) ?? 0) + 1;
      needed.set(s.gate, k);
      return k;
    });
    const pump = async () => {
      if (busy) return;
      busy = true;
      try {
        while (open && next < session.segments.length) {
          const segment = /** @type {Segment} */ (session.segments[next]);
          if (segment.gate !== null && (seen.get(segment.gate) ?? 0) < (gateCount[next] ?? 0)) break;
          next++;
          for (const line of segment.lines) if (!(await send(line))) return;
        }
      } finally {
        busy = false;
      }
    };

    const stream = async () => {
      const total = options.count ?? repeat * streamLines.length;
      for (let i = 0; i < total; i++) if (!(await send(/** @type {string} */ (streamLines[i % streamLines.length])))) return;
      if (options.closeWhenDone && open) socket.close(1000, 'done');
    };

    waiting.get(conn.id)?.(conn);
    waiting.delete(conn.id);
    if (mode === 'turn') void pump();
    else void stream();
  });

  return {
    url: `ws://127.0.0.1:${address.port}`,
    port: address.port,
    session,
    connections,
    connection: (n) => {
      const c = connections[n - 1];
      return c ? Promise.resolve(c) : new Promise((ok) => waiting.set(n, ok));
    },
    close: () =>
      new Promise((ok) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => ok(undefined));
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  /** @param {string} name @param {string} fallback */
  const arg = (name, fallback) => {
    const at = args.indexOf(name);
    return (at >= 0 ? args[at + 1] : undefined) ?? fallback;
  };
  const pacing = arg('--pacing', 'realtime');
  const mode = arg('--mode', 'turn');
  if (pacing !== 'fast' && pacing !== 'realtime') throw new Error('--pacing must be fast or realtime');
  if (mode !== 'turn' && mode !== 'stream') throw new Error('--mode must be turn or stream');
  const server = await startLoopback({ port: Number(arg('--port', '8790')), pacing, mode });
  console.log(`loopback realtime server (beta) on ${server.url}: ${mode} mode, ${pacing} pacing, ${server.session.server.length} server events per session`);
  logConnections(server);
}

/**
 * Logs each connection's end: how many client frames it recorded, how many events it sent.
 * @param {Loopback} server
 */
function logConnections(server) {
  let reported = 0;
  setInterval(() => {
    for (; reported < server.connections.length; reported++) {
      const c = /** @type {LoopbackConnection} */ (server.connections[reported]);
      void c.closed.then(({ code }) => console.log(`connection ${c.id} ${c.url} closed (${code}): ${c.received.length} client frames recorded, ${c.sent} server events sent`));
    }
  }, 200).unref();
}
