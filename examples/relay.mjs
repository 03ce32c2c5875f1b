#!/usr/bin/env node
// @ts-check
// A validating relay for the Realtime WebSocket protocol (GA or beta), through the codec, between a
// client (a browser, say) and the service (or test/support/loopback-server.mjs):
//   client -> upstream: every frame is checked and canonicalised by the crate (canonicalize)
//     before it goes upstream; a type outside the allow-list, a binary frame, or anything the
//     crate refuses is answered to the client as an `error` server event naming the code and the
//     path (`error.code`, `error.param`), and never forwarded.
//   upstream -> client: every server event is checked (checkServerEvent) and passed on unchanged,
//     byte for byte. One the crate refuses is still passed on (the service said it; the client's
//     own decoder decides) and counted and logged, unless `dropInvalidServerEvents` is set.
// Log lines (opt-in) never carry audio: `audio` and the audio deltas' `delta` are redacted.
// Each client connection gets its own upstream connection, to the upstream URL with the client's
// query parameters merged in (`?model=...`; never its path). Backpressure: when the client falls
// behind, upstream is paused until it catches up.
//
//   node examples/relay.mjs --upstream ws://127.0.0.1:8790 [--protocol beta|ga] [--port 8787]
//       [--allow type,type] [--log] [--max-frame-bytes N] [--drop-invalid-server-events]
//   OPENAI_API_KEY=... node examples/relay.mjs --protocol ga --upstream wss://<service host>/v1/realtime
//       (the key, and for beta the `OpenAI-Beta: realtime=v1` header, are added upstream only:
//       the client never sees the key)
// --protocol: which crate release checks the events: `beta` (default; realtime-codec, crate
// 0.29.5) or `ga` (realtime-codec/ga, crate 0.31.2: what the live service speaks).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import * as beta from 'realtime-codec';
import * as ga from 'realtime-codec/ga';

/** Each protocol's entry: each loads its own wasm, on first use. */
const CODECS = { beta, ga };

/** The relay's own error codes, beside the codec's (`syntax`, `too_large`, ...). */
export const RELAY_CODES = ['binary_frame', 'not_allowed'];

/** Longest log line, in characters. */
const LOG_LINE = 300;

/**
 * A log-safe form of an event's text: audio payloads replaced by their length.
 * @param {string} text
 * @returns {string}
 */
export function redact(text) {
  let out = text.replace(/"audio"\s*:\s*"([^"]*)"/g, (_, v) => `"audio":"<${v.length} base64 chars>"`);
  if (/"type"\s*:\s*"response\.(?:output_)?audio\.delta"/.test(out)) {
    out = out.replace(/"delta"\s*:\s*"([^"]*)"/g, (_, v) => `"delta":"<${v.length} base64 chars>"`);
  }
  return out.length > LOG_LINE ? `${out.slice(0, LOG_LINE)}... (${out.length} chars)` : out;
}

/** A lone surrogate: with the `u` flag, a well-formed pair is one code point and does not match. */
const LONE_SURROGATE = /\p{Cs}/u;

/** @param {string} text */
const wellFormed = (text) => text.replace(/\p{Cs}/gu, '\ufffd');

/**
 * The `event_id` of a client frame, if its head has a well-formed one (for the error's `event_id`).
 * @param {string} text
 * @returns {string | undefined}
 */
function eventIdOf(text) {
  const raw = /"event_id"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(text.slice(0, 4096))?.[1];
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(`"${raw}"`);
    // A lone surrogate (the very thing that may have been refused) cannot go back out as JSON.
    return typeof value === 'string' && !LONE_SURROGATE.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a relay.
 * @param {object} options
 * @param {string} options.upstream ws:// or wss:// URL of the service; the client's query parameters are merged into it
 * @param {number} [options.port] 0 (default): any free port
 * @param {string} [options.host] default 127.0.0.1
 * @param {Record<string, string>} [options.upstreamHeaders] e.g. Authorization (never sent to the client)
 * @param {'beta' | 'ga'} [options.protocol] which crate release checks the events (default beta)
 * @param {string[]} [options.allow] client event types let through (default: every one the protocol's crate knows)
 * @param {number} [options.maxFrameBytes] client frames longer than this are answered `too_large` (default 32 MiB, the codec's)
 * @param {number} [options.hardLimitBytes] frames longer than this close the connection (1009), to bound memory (default 4 x maxFrameBytes)
 * @param {boolean} [options.dropInvalidServerEvents]
 * @param {(line: string) => void} [options.log] one line per event, audio redacted
 * @param {(ns: number) => void} [options.onServerForward] time spent per server event (check + send), in ns
 */
export async function startRelay(options) {
  const protocol = options.protocol ?? 'beta';
  const codec = CODECS[protocol];
  if (codec === undefined) throw new Error(`unknown protocol ${JSON.stringify(protocol)}: beta or ga`);
  const { canonicalize, checkServerEvent, encodeServerEvent, isRealtimeCodecError } = codec;
  const maxFrameBytes = options.maxFrameBytes ?? 32 * 1024 * 1024;
  const allow = options.allow ? new Set(options.allow) : undefined;
  const log = options.log;
  const stats = {
    connections: 0,
    open: 0,
    clientFrames: 0,
    forwarded: 0,
    rejected: /** @type {Record<string, number>} */ ({}),
    serverEvents: 0,
    serverInvalid: /** @type {Record<string, number>} */ ({}),
    serverDropped: 0,
    upstreamFailures: 0,
  };
  let errorIds = 0;
  const wss = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: options.hardLimitBytes ?? 4 * maxFrameBytes,
    // Invalid UTF-8 in a text frame is the codec's to report (invalid_unicode, with its position)
    // rather than a reason to close the whole stream (ws's default: close 1007).
    skipUTF8Validation: true,
  });
  await new Promise((ok, fail) => {
    wss.once('listening', ok);
    wss.once('error', fail);
  });
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected address ${address}`);

  wss.on('connection', (client, request) => {
    const id = ++stats.connections;
    stats.open++;
    const tag = `#${id}`;
    // The client's query (`?model=...`) is passed on; its path is not: the upstream URL is fixed,
    // so a client cannot point the relay's credentials at another endpoint.
    const upstreamUrl = new URL(options.upstream);
    for (const [k, v] of new URL(request.url ?? '/', 'ws://relay').searchParams) upstreamUrl.searchParams.set(k, v);
    const upstream = new WebSocket(upstreamUrl, { headers: options.upstreamHeaders, maxPayload: 256 * 1024 * 1024 });
    /** @type {string[]} */
    const pending = []; // canonical client events waiting for upstream to open (bounded below)
    let pendingBytes = 0;
    let paused = false;
    let closed = false;

    /** @param {number} code @param {string} reason */
    const closeBoth = (code, reason) => {
      if (closed) return;
      closed = true;
      stats.open--;
      for (const s of [client, upstream]) {
        if (s.readyState === WebSocket.OPEN) s.close(code, reason);
        else if (s.readyState === WebSocket.CONNECTING) s.terminate();
      }
    };

    /** Answers one refused client frame with an `error` server event, built and checked by the crate. */
    /** @param {string} code @param {string} param @param {string} message @param {string} [eventId] */
    const refuse = (code, param, message, eventId) => {
      stats.rejected[code] = (stats.rejected[code] ?? 0) + 1;
      const text = encodeServerEvent({
        type: 'error',
        event_id: `relay_err_${++errorIds}`,
        error: { type: 'invalid_request_error', code, message: wellFormed(message), param: wellFormed(param), ...(eventId !== undefined ? { event_id: eventId } : {}) },
      });
      log?.(`${tag} refused ${code} at ${JSON.stringify(param)}: ${message.slice(0, 200)}`);
      if (client.readyState === WebSocket.OPEN) client.send(text);
    };

    /**
     * Runs one frame's handler; an exception that is not a verdict on the input (a bug, a codec
     * failure) ends this connection pair only, never the relay.
     * @template {unknown[]} A
     * @param {(...args: A) => void} handler
     * @returns {(...args: A) => void}
     */
    const guarded = (handler) => (...args) => {
      try {
        handler(...args);
      } catch (error) {
        log?.(`${tag} relay failure: ${String(error)}`);
        closeBoth(1011, 'relay failure');
      }
    };

    client.on('message', guarded((data, binary) => {
      stats.clientFrames++;
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      if (binary) return refuse('binary_frame', '', `binary frames are not Realtime events (${bytes.length} bytes); send JSON text frames`);
      let canonical;
      try {
        canonical = canonicalize(bytes, { maxInputBytes: maxFrameBytes });
      } catch (error) {
        if (!isRealtimeCodecError(error)) throw error; // not a verdict on the input: see guarded()
        return refuse(error.code, error.path, error.message, error.code === 'too_large' ? undefined : eventIdOf(bytes.toString('utf8', 0, 4096)));
      }
      const type = /^\{"type":"([^"]*)"/.exec(canonical)?.[1] ?? '';
      if (allow && !allow.has(type)) return refuse('not_allowed', '/type', `client event type \`${type}\` is not allowed by this relay`, eventIdOf(canonical));
      stats.forwarded++;
      log?.(`${tag} -> ${redact(canonical)}`);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(canonical);
      else if (upstream.readyState === WebSocket.CONNECTING) {
        pendingBytes += canonical.length;
        if (pendingBytes > 4 * maxFrameBytes) closeBoth(1013, 'upstream not ready');
        else pending.push(canonical);
      }
    }));

    upstream.on('open', () => {
      for (const text of pending) upstream.send(text);
      pending.length = 0;
      pendingBytes = 0;
    });

    upstream.on('message', guarded((data, binary) => {
      const started = options.onServerForward ? process.hrtime.bigint() : 0n;
      stats.serverEvents++;
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const checked = checkServerEvent(bytes);
      if (!checked.ok) {
        const code = checked.error.code;
        stats.serverInvalid[code] = (stats.serverInvalid[code] ?? 0) + 1;
        log?.(`${tag} <- refused by the crate (${code} at ${JSON.stringify(checked.error.path)})${options.dropInvalidServerEvents ? ', dropped' : ', passed on'}: ${redact(bytes.toString('utf8', 0, 4096))}`);
        if (options.dropInvalidServerEvents) {
          stats.serverDropped++;
          return;
        }
      } else if (log) log(`${tag} <- ${redact(bytes.toString())}`);
      if (client.readyState !== WebSocket.OPEN) return;
      // Unchanged: the very bytes upstream sent, as a text frame (as they came).
      client.send(bytes, { binary }, afterSend);
      if (!paused && client.bufferedAmount > 4 << 20) {
        paused = true;
        upstream.pause();
      }
      if (options.onServerForward) options.onServerForward(Number(process.hrtime.bigint() - started));
    }));
    const afterSend = () => {
      if (paused && client.bufferedAmount < 1 << 20) {
        paused = false;
        upstream.resume();
      }
    };

    upstream.on('close', (code, reason) => {
      if (!closed) log?.(`${tag} upstream closed (${code}${reason.length ? ` ${reason}` : ''})`);
      if (code === 1006) stats.upstreamFailures++;
      // 1006 (no close frame: the connection dropped) cannot be sent; tell the client 1011.
      closeBoth(code === 1006 || code === 1005 ? 1011 : code, code === 1006 ? 'upstream connection lost' : reason.toString());
    });
    upstream.on('error', (error) => {
      log?.(`${tag} upstream error: ${error.message}`);
      if (upstream.readyState !== WebSocket.OPEN) stats.upstreamFailures++;
      closeBoth(1011, 'upstream unavailable');
    });
    client.on('close', (code) => {
      if (!closed) log?.(`${tag} client closed (${code})`);
      closeBoth(1000, 'client gone');
    });
    client.on('error', (error) => {
      log?.(`${tag} client error: ${error.message}`);
      client.terminate();
      closeBoth(1011, 'client error');
    });
  });

  return {
    url: `ws://127.0.0.1:${address.port}`,
    port: address.port,
    stats,
    close: () =>
      new Promise((ok) => {
        for (const c of wss.clients) c.terminate();
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
  const upstream = arg('--upstream', 'ws://127.0.0.1:8790');
  const protocol = arg('--protocol', 'beta');
  if (protocol !== 'beta' && protocol !== 'ga') {
    console.error(`relay: --protocol must be beta or ga, got ${JSON.stringify(protocol)}`);
    process.exit(2);
  }
  const key = process.env.OPENAI_API_KEY;
  /** @type {Record<string, string>} */
  const upstreamHeaders = key ? { Authorization: `Bearer ${key}`, ...(protocol === 'beta' ? { 'OpenAI-Beta': 'realtime=v1' } : {}) } : {};
  const relay = await startRelay({
    upstream,
    protocol,
    upstreamHeaders,
    port: Number(arg('--port', '8787')),
    host: arg('--host', '127.0.0.1'),
    allow: args.includes('--allow') ? arg('--allow', '').split(',').filter(Boolean) : undefined,
    maxFrameBytes: args.includes('--max-frame-bytes') ? Number(arg('--max-frame-bytes', '')) : undefined,
    dropInvalidServerEvents: args.includes('--drop-invalid-server-events'),
    log: args.includes('--log') ? (line) => console.log(line) : undefined,
  });
  console.log(`validating ${protocol} relay on ${relay.url} -> ${upstream}${upstreamHeaders.Authorization ? ' (with OPENAI_API_KEY)' : ''}`);
  const report = () => console.log(`relay: ${JSON.stringify(relay.stats)}`);
  process.on('SIGINT', () => {
    report();
    process.exit(0);
  });
}
