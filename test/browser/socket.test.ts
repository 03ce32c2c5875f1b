// Issue 13 in Chromium: test/browser/socket.html runs one spoken turn with a tool call in a module
// worker (init(), then examples/turn.mjs over a real WebSocket) through the validating relay
// (examples/relay.mjs) to the loopback server (test/support/loopback-server.mjs, real-time
// pacing, 4x). The counts must be those of the Node client (test/socket.test.ts), upstream must
// get the same 25 client events, and screenshots of the page's live event log are saved to
// target/socket-page-live.png (mid-turn) and target/socket-page.png (at the end).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay } from '../../examples/relay.mjs';
import { DEFAULT_PCM, writePcm } from '../../scripts/make-pcm.mjs';
import { codec, root } from '../helpers.js';
import { startLoopback, type Loopback } from '../support/loopback-server.mjs';
import { launch, serve, type Served } from './harness.js';

/** The PCM bytes in the session's response.audio.delta events (120 of them, 3.00 s at 24 kHz). */
function audioBytes(serverLines: string[]): number {
  return serverLines
    .map((l) => JSON.parse(l) as { type: string; delta?: string })
    .filter((e) => e.type === 'response.audio.delta')
    .reduce((n, e) => n + Math.floor((e.delta!.replace(/=+$/, '').length * 3) / 4), 0);
}

interface Run {
  initMs: number;
  stats: { received: number; decoded: number; invalid: { code: string; path: string; type: string }[]; sent: Record<string, number>; responses: { status: string; events: number; calls: number; audioBytes: number; transcript: string }[]; summaries: string[] };
  page: { in: number; decoded: number; refused: number; out: number; responses: number };
}

describe('Chromium: a Realtime turn through init() in a module worker, over a real WebSocket', () => {
  let server: Served;
  let browser: Browser;
  let loopback: Loopback;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  beforeAll(async () => {
    writePcm(DEFAULT_PCM, 2); // target/examples/speech-24k.pcm, served beside the repository
    server = await serve();
    browser = await launch();
    loopback = await startLoopback({ mode: 'turn', pacing: 'realtime', speed: 4 });
    relay = await startRelay({ upstream: loopback.url });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await relay?.close();
    await loopback?.close();
  });

  it('counts as in Node, the same 25 client events upstream, and a screenshot of the live log', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 520 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const pcm = `/${DEFAULT_PCM.slice(root.length + 1)}`;
    await page.goto(`${server.url}/test/browser/socket.html?ws=${encodeURIComponent(relay.url)}&pcm=${encodeURIComponent(pcm)}`);
    // Mid-turn: a screenshot of the live log (not asserted: under load the turn may be over by then).
    await page.waitForFunction(() => Number(document.getElementById('in')?.textContent) >= 40);
    mkdirSync(join(root, 'target'), { recursive: true });
    await page.screenshot({ path: join(root, 'target/socket-page-live.png') });
    const run = (await page.evaluate(() => (window as unknown as { socketRun: Promise<unknown> }).socketRun)) as Run;
    await page.screenshot({ path: join(root, 'target/socket-page.png') });
    expect(problems).toEqual([]);

    expect({ received: run.stats.received, decoded: run.stats.decoded, invalid: run.stats.invalid }).toEqual({
      received: 192,
      decoded: 191,
      invalid: [{ code: 'invalid_type', path: '/previous_item_id', type: 'input_audio_buffer.committed' }],
    });
    expect(run.stats.sent).toEqual({ 'session.update': 1, 'input_audio_buffer.append': 20, 'input_audio_buffer.commit': 1, 'response.create': 2, 'conversation.item.create': 1 });
    expect(run.stats.responses.map((r) => [r.status, r.events, r.calls, r.audioBytes])).toEqual([
      ['completed', 14, 1, 0],
      ['completed', 158, 0, audioBytes(loopback.session.server)],
    ]);
    expect(run.stats.summaries[1]).toMatch(/^response resp_\w+ completed: 158 events, 3\.00 s audio, transcript "It's 3 degrees/);
    // The page's own counters (from the worker's messages) agree, and its log holds its last 14 lines.
    expect(run.page).toEqual({ in: 192, decoded: 191, refused: 1, out: 25, responses: 2 });
    expect(await page.locator('#log div').count()).toBe(14);
    // Live: the log changed as events came, over the turn's paced audio (120 deltas, 3.00 s at 4x
    // is at least 750 ms; a log filled at the end would span a few ms).
    const span = await page.evaluate(() => (window as unknown as { logSpan: { first: number; last: number } }).logSpan);
    expect(span.last - span.first).toBeGreaterThan(700);

    // Upstream got exactly what the worker sent, through the relay: 25 canonical frames.
    const upstream = loopback.connections[0]!;
    const texts = upstream.received.map((r) => r.data.toString());
    expect(texts).toHaveLength(25);
    for (const t of texts) expect(codec.canonicalize(t)).toBe(t);
    expect(relay.stats.forwarded).toBe(25);
    expect(relay.stats.rejected).toEqual({});
    await page.close();
  });
});
