// Issue 13, bounded: real WebSockets through the codec. The loopback server
// (test/support/loopback-server.mjs) replays the server events of examples/beta-session.jsonl; the
// validating relay (examples/relay.mjs) sits between it and the clients. Every test counts: N good
// events in = N out, in order, byte for byte; every bad frame is answered exactly once (an `error`
// server event naming the code and the path) and never reaches upstream; nothing crashes and no
// later connection is affected. The full-size figures come from scripts/socket-load.mjs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRelay } from '../examples/relay.mjs';
import { writePcm } from '../scripts/make-pcm.mjs';
import { startLoopback, type Loopback } from './support/loopback-server.mjs';
import { codec, gaCodec, loadVectors, root } from './helpers.js';

const MAX_FRAME = 64 * 1024;
/** Every client type but one: `conversation.item.delete` stands for a type a deployment forbids. */
const ALLOW = ['session.update', 'input_audio_buffer.append', 'input_audio_buffer.commit', 'input_audio_buffer.clear', 'conversation.item.create', 'conversation.item.truncate', 'response.create', 'response.cancel'];

type Relay = Awaited<ReturnType<typeof startRelay>>;
interface Client {
  socket: WebSocket;
  /** Every text frame received, as text, in order. */
  frames: string[];
  closed: Promise<{ code: number; reason: string }>;
}

function open(url: string): Promise<Client> {
  const socket = new WebSocket(url);
  const frames: string[] = [];
  socket.on('message', (data, binary) => {
    expect(binary).toBe(false);
    frames.push((data as Buffer).toString('utf8'));
  });
  const closed = new Promise<{ code: number; reason: string }>((ok) => socket.on('close', (code, reason) => ok({ code, reason: reason.toString() })));
  socket.on('error', () => {});
  return new Promise((ok, fail) => {
    socket.once('open', () => ok({ socket, frames, closed }));
    socket.once('error', fail);
  });
}

async function until(what: string, ready: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
}

/** The relay's answers (error events it wrote itself) and the rest (server events passed on). */
function split(frames: string[]) {
  const errors = frames.filter((f) => f.startsWith('{"type":"error","event_id":"relay_err_')).map((f) => JSON.parse(f) as { error: { code: string; param: string; event_id?: string } });
  return { errors, passed: frames.filter((f) => !f.startsWith('{"type":"error","event_id":"relay_err_')) };
}

const b64 = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff)).toString('base64');

/** Good client events for connection `c`: a short session, each with its own text. */
function goodEvents(c: number): string[] {
  const out = [
    JSON.stringify({ type: 'session.update', event_id: `c${c}_1`, session: { voice: 'alloy', instructions: `conn ${c}`, temperature: 0.8, unknown_member: 1 } }),
  ];
  for (let i = 0; i < 20; i++) out.push(JSON.stringify({ event_id: `c${c}_a${i}`, type: 'input_audio_buffer.append', audio: b64(1200, c * 100 + i) }));
  out.push('{"type":"input_audio_buffer.commit"}');
  out.push(JSON.stringify({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: `hello \u00e9\u{1f600} ${c}` }] } }));
  out.push(`{"type":"response.create","event_id":"c${c}_r","response":null}`);
  return out;
}

interface Bad {
  name: string;
  data: string | Buffer;
  binary?: boolean;
  code: string;
  path: string;
}

const deep = `{"type":"session.update","session":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
const BAD: Bad[] = [
  { name: 'malformed JSON', data: '{"type":"input_audio_buffer.commit"', code: 'syntax', path: '' },
  { name: 'binary frame', data: Buffer.from('{"type":"input_audio_buffer.commit"}'), binary: true, code: 'binary_frame', path: '' },
  { name: 'over the size limit', data: JSON.stringify({ type: 'input_audio_buffer.append', audio: 'A'.repeat(MAX_FRAME + 4) }), code: 'too_large', path: '' },
  { name: 'lone surrogate (escape)', data: '{"type":"input_audio_buffer.append","event_id":"s1","audio":"\\ud800"}', code: 'invalid_unicode', path: '/audio' },
  {
    name: 'lone surrogate (raw bytes)',
    data: Buffer.concat([Buffer.from('{"type":"input_audio_buffer.append","audio":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    code: 'invalid_unicode',
    path: '/audio',
  },
  { name: 'lone surrogate in event_id', data: '{"type":"input_audio_buffer.commit","event_id":"\\udc00x"}', code: 'invalid_unicode', path: '/event_id' },
  { name: 'duplicate members', data: '{"type":"input_audio_buffer.commit","event_id":"d1","event_id":"d2"}', code: 'duplicate_field', path: '/event_id' },
  { name: 'unknown type', data: '{"type":"conversation.item.retrieve","item_id":"i1"}', code: 'unknown_event_type', path: '/type' },
  { name: '10,000-deep nesting', data: deep, code: 'too_deep', path: `/session/x${'/0'.repeat(125)}` }, // where the 128th container opens
  { name: 'type not on the allow-list', data: '{"type":"conversation.item.delete","item_id":"i1","event_id":"n1"}', code: 'not_allowed', path: '/type' },
];

describe('through a real WebSocket: loopback server, validating relay, clients', () => {
  let loopback: Loopback;
  let relay: Relay;
  const serverLines = () => loopback.session.server;

  beforeAll(async () => {
    loopback = await startLoopback({ mode: 'stream' });
    relay = await startRelay({ upstream: loopback.url, allow: ALLOW, maxFrameBytes: MAX_FRAME });
  });
  afterAll(async () => {
    await relay?.close();
    await loopback?.close();
  });

  it('the bad frames are what the issue names, and the crate gives their codes and paths', () => {
    // The relay's codes come from the codec; this pins them so that a change in either shows here.
    for (const bad of BAD) {
      if (bad.binary || bad.code === 'not_allowed') continue;
      const r = (() => {
        try {
          codec.canonicalize(typeof bad.data === 'string' ? bad.data : new Uint8Array(bad.data), { maxInputBytes: MAX_FRAME });
          return undefined;
        } catch (e) {
          return e as InstanceType<typeof codec.RealtimeCodecError>;
        }
      })();
      expect(r, bad.name).toBeInstanceOf(codec.RealtimeCodecError);
      expect({ name: bad.name, code: r!.code, path: r!.path }).toEqual({ name: bad.name, code: bad.code, path: bad.path });
    }
  });

  /**
   * `n` concurrent connections through the relay, each sending its good events with every bad
   * frame interleaved (rotated per connection), each checked in full.
   */
  async function concurrentSessions(n: number, tag: string) {
    const first = loopback.connections.length;
    const rejectedBefore = Object.values(relay.stats.rejected).reduce((a, b) => a + b, 0);
    const invalidBefore = relay.stats.serverInvalid.invalid_type ?? 0;
    const clients = await Promise.all(Array.from({ length: n }, (_, c) => open(`${relay.url}/?conn=${tag}${c}`)));
    const connOf = (url: string) => Number(new URL(url, 'ws://x').searchParams.get('conn')!.slice(tag.length));
    try {
      const sent = clients.map((client, c) => {
        const good = goodEvents(c);
        const bad = BAD.map((_, i) => BAD[(i + c) % BAD.length]!);
        let b = 0;
        good.forEach((text, i) => {
          client.socket.send(text);
          if (i % 3 === 1 && b < bad.length) {
            const x = bad[b++]!;
            client.socket.send(x.data, { binary: x.binary === true });
          }
        });
        while (b < bad.length) {
          const x = bad[b++]!;
          client.socket.send(x.data, { binary: x.binary === true });
        }
        return { good, bad };
      });
      await until(
        'every connection to see its server events and every answer',
        () =>
          clients.every((client, c) => client.frames.length === serverLines().length + sent[c]!.bad.length) &&
          loopback.connections.length === first + n &&
          loopback.connections.slice(first).every((l) => l.received.length === sent[connOf(l.url)]!.good.length),
      );
      for (const [c, client] of clients.entries()) {
        const { errors, passed } = split(client.frames);
        // Server -> client: all of them, unchanged (the one the crate refuses included).
        expect(passed).toEqual(serverLines());
        // Every bad frame answered exactly once, in order, naming code and path.
        expect(errors.map((e) => ({ code: e.error.code, path: e.error.param }))).toEqual(sent[c]!.bad.map((x) => ({ code: x.code, path: x.path })));
        // The error names the refused frame's event_id where its text has one (the first, if repeated).
        expect(errors.find((e) => e.error.code === 'duplicate_field')?.error.event_id).toBe('d1');
        expect(errors.find((e) => e.error.code === 'not_allowed')?.error.event_id).toBe('n1');
        expect(errors.find((e) => e.error.code === 'syntax')?.error.event_id).toBeNull(); // the crate writes the unset Option as null
        expect(errors.find((e) => e.error.code === 'invalid_unicode' && e.error.param === '/event_id')?.error.event_id).toBeNull(); // a lone surrogate cannot be echoed
      }
      for (const l of loopback.connections.slice(first)) {
        const c = connOf(l.url);
        // Client -> upstream: exactly the good ones, canonicalised by the crate, in order, as text.
        expect(l.received.map((r) => r.binary)).toEqual(sent[c]!.good.map(() => false));
        expect(l.received.map((r) => r.data.toString('utf8'))).toEqual(sent[c]!.good.map((g) => codec.canonicalize(g)));
      }
    } finally {
      await Promise.all(clients.map((c) => (c.socket.close(1000), c.closed)));
    }
    await until('the relay to close every upstream', () => relay.stats.open === 0);
    // The log's committed event with previous_item_id null, once per connection: counted, passed on.
    expect((relay.stats.serverInvalid.invalid_type ?? 0) - invalidBefore).toBe(n);
    expect(Object.values(relay.stats.rejected).reduce((a, b) => a + b, 0) - rejectedBefore).toBe(n * BAD.length);
  }

  it('50 concurrent connections, bad frames interleaved: N good in = N out, in order, byte for byte; each bad one answered once', async () => {
    await concurrentSessions(1, 'warm');
    // Each module's memory grows to fit the largest input it handled and no further: after one
    // connection with every bad frame, 50 more leave it where it was.
    const memory = codec.wasmMemoryBytes();
    await concurrentSessions(50, 'c');
    expect(codec.wasmMemoryBytes()).toBe(memory);
  });

  it('upstream drops mid-response: the client gets every event sent before the drop, then 1011; later connections are unaffected', async () => {
    const dropping = await startLoopback({ mode: 'stream', dropAfter: 100 });
    const relay2 = await startRelay({ upstream: dropping.url });
    try {
      for (let round = 0; round < 2; round++) {
        const client = await open(relay2.url);
        const closed = await client.closed;
        expect(closed.code).toBe(1011);
        expect(client.frames).toEqual(serverLines().slice(0, 100));
      }
      expect(relay2.stats.upstreamFailures).toBe(2);
      await until('relay2 to settle', () => relay2.stats.open === 0);
    } finally {
      await relay2.close();
      await dropping.close();
    }
    // The shared relay in front of the healthy server: still whole.
    const client = await open(relay.url);
    await until('a full session', () => client.frames.length === serverLines().length);
    expect(client.frames).toEqual(serverLines());
    client.socket.close();
    await client.closed;
  });

  it('a frame past the hard limit closes only its own connection (1009); the relay goes on', async () => {
    const small = await startRelay({ upstream: loopback.url, maxFrameBytes: 1024, hardLimitBytes: 4096 });
    try {
      const client = await open(small.url);
      client.socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: 'A'.repeat(2048) })); // over maxFrameBytes: answered
      client.socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: 'A'.repeat(8192) })); // over the hard limit: closed
      expect((await client.closed).code).toBe(1009);
      expect(split(client.frames).errors.map((e) => e.error.code)).toEqual(['too_large']);
      const next = await open(small.url);
      await until('a whole session on the next connection', () => next.frames.length === serverLines().length);
      expect(next.frames).toEqual(serverLines());
      next.socket.close();
      await next.closed;
    } finally {
      await small.close();
    }
  });

  it('a client disconnects mid-append: upstream gets the whole frames before it, in order, and is closed; the next connection is whole', async () => {
    const byUrl = (url: string) => loopback.connections.find((c) => c.url === url);
    const appends = Array.from({ length: 8 }, (_, i) => JSON.stringify({ type: 'input_audio_buffer.append', audio: b64(24_000, i) }));
    const raw = await rawConnect(relay.port, '/?conn=cut');
    for (const text of appends.slice(0, 5)) raw.write(maskedTextFrame(text));
    const cut = maskedTextFrame(appends[5]!);
    raw.write(cut.subarray(0, cut.length >> 1)); // half a frame, then the connection is gone
    await until('upstream to record the five whole appends', () => (byUrl('/?conn=cut')?.received.length ?? 0) === 5);
    raw.destroy();
    const upstream = byUrl('/?conn=cut')!;
    await upstream.closed;
    expect(upstream.url).toBe('/?conn=cut');
    expect(upstream.received.map((r) => r.data.toString())).toEqual(appends.slice(0, 5).map((a) => codec.canonicalize(a)));
    await until('the relay to let go of it', () => relay.stats.open === 0);

    const client = await open(`${relay.url}/elsewhere?conn=after`);
    for (const text of appends) client.socket.send(text);
    await until('a whole session after the cut', () => client.frames.length === serverLines().length && byUrl('/?conn=after')?.received.length === appends.length);
    expect(client.frames).toEqual(serverLines());
    // The query is passed on, the path (/elsewhere) never: the connection is found by its URL.
    expect(byUrl('/?conn=after')!.received.map((r) => r.data.toString())).toEqual(appends.map((a) => codec.canonicalize(a)));
    client.socket.close();
    await client.closed;
  });
});

describe('examples/node-client.mjs', () => {
  it('one spoken turn with a tool call through the relay: two summary lines, every appended byte upstream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-socket-'));
    const pcmFile = join(dir, 'speech.pcm');
    writePcm(pcmFile, 2);
    const loopback = await startLoopback({ mode: 'turn' });
    const relay = await startRelay({ upstream: loopback.url });
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'examples/node-client.mjs'), '--url', relay.url, '--pcm', pcmFile], { cwd: root });
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^response resp_\w+ completed: 14 events, function_call get_weather\(\{"city":"Oslo","unit":"c"\}\)/);
      expect(lines[1]).toMatch(/^response resp_\w+ completed: 158 events, 3\.00 s audio, transcript "It's 3 degrees Celsius/);
      expect(lines[2]).toBe(
        'server events: 192 received, 191 decoded, 1 refused by the crate; client events sent: 1 session.update, 20 input_audio_buffer.append, 1 input_audio_buffer.commit, 2 response.create, 1 conversation.item.create',
      );
      expect(stderr).toMatch(/^server event refused by the crate: invalid_type at "\/previous_item_id"/);
      const got = loopback.connections[0]!.received.map((r) => r.data.toString());
      const types = got.map((t) => (JSON.parse(t) as { type: string }).type);
      expect(types).toEqual(['session.update', ...Array(20).fill('input_audio_buffer.append'), 'input_audio_buffer.commit', 'response.create', 'conversation.item.create', 'response.create']);
      for (const t of got) expect(codec.canonicalize(t)).toBe(t);
      const audio = Buffer.concat(got.filter((t) => t.includes('"input_audio_buffer.append"')).map((t) => Buffer.from((JSON.parse(t) as { audio: string }).audio, 'base64')));
      expect(audio.equals(readFileSync(pcmFile))).toBe(true);
    } finally {
      await relay.close();
      await loopback.close();
    }
  });
});

/** A WebSocket handshake on a plain TCP socket, so a test can write half a frame and vanish. */
function rawConnect(port: number, path: string): Promise<Socket> {
  return new Promise((ok, fail) => {
    const socket = connectTcp(port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.off('data', onData);
        if (head.startsWith('HTTP/1.1 101')) ok(socket);
        else fail(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
      }
    };
    socket.on('data', onData);
    socket.on('error', fail);
  });
}

/** One masked text frame (client to server, RFC 6455 section 5.2). */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x81, 0x80 | n]) : n < 65536 ? Buffer.from([0x81, 0x80 | 126, n >> 8, n & 0xff]) : Buffer.concat([Buffer.from([0x81, 0x80 | 127]), bigEndian64(n)]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.alloc(n);
  for (let i = 0; i < n; i++) body[i] = payload[i]! ^ mask[i & 3]!;
  return Buffer.concat([head, mask, body]);
}

function bigEndian64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

describe('the relay with --protocol ga: the GA crate checks both directions', () => {
  it('passes GA events, refuses beta-shaped ones with the GA crate\'s code and path, and counts the service\'s GA events the crate refuses', async () => {
    // The server side: the GA corpus's server cases, as the service sends them (valid and not).
    const cases = loadVectors('server', 'ga');
    const lines = cases.map((c) => c.input);
    const refused = cases.filter((c) => !('canonical' in c.expect)).length;
    expect(refused).toBeGreaterThan(0);
    const upstream = await startLoopback({ mode: 'stream', lines, closeWhenDone: false });
    const relay = await startRelay({ upstream: upstream.url, protocol: 'ga' });
    try {
      const client = await open(relay.url);
      await until('every GA server event', () => client.frames.length === lines.length);
      // Passed on byte for byte, refused ones included (the client's own decoder decides).
      expect(client.frames).toEqual(lines);
      expect(Object.values(relay.stats.serverInvalid).reduce((a, b) => a + b, 0)).toBe(refused);
      const good = ['{"type":"output_audio_buffer.clear","event_id":"g1"}', '{"item_id":"i1","type":"conversation.item.retrieve"}'];
      const betaShaped = '{"type":"session.update","session":{"voice":"alloy","modalities":["text"]}}';
      for (const f of [...good, betaShaped]) client.socket.send(f);
      await until('the refusal', () => split(client.frames).errors.length === 1);
      const conn = await upstream.connection(1);
      await until('both GA events upstream', () => conn.received.length === 2);
      // Upstream gets the GA crate's canonical text: type first, unknown members dropped.
      expect(conn.received.map((r) => r.data.toString('utf8'))).toEqual(good.map((g) => gaCodec.canonicalize(g)));
      const [error] = split(client.frames).errors;
      const want = gaCodec.safeDecode(betaShaped);
      expect(want.ok).toBe(false);
      if (!want.ok) expect(error?.error).toMatchObject({ code: want.error.code, param: want.error.path });
      client.socket.close();
      await client.closed;
    } finally {
      await relay.close();
      await upstream.close();
    }
  });

  it('refuses an unknown protocol', async () => {
    await expect(startRelay({ upstream: 'ws://127.0.0.1:1', protocol: 'gamma' as never })).rejects.toThrow(/unknown protocol "gamma": beta or ga/);
  });
});
