// docs/drift.md must be what `npm run drift` writes today: the official SDKs (pinned), this
// package's types and the corpus, compared afresh. Installs the pinned SDKs on first run.
// Beside freshness: the report's headline server claims are checked here on events written by
// hand in the SDKs' shape, through the codec, so a claim the report gets wrong fails even when
// the script and its output agree with each other.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drift } from '../scripts/drift.mjs';
import { codec, root } from './helpers.js';

const recorded = () => readFileSync(join(root, 'docs/drift.md'), 'utf8');

/** The rows of the markdown table under `heading` (up to the next heading); `all`: not only those naming a type. */
function rows(doc: string, heading: string, all = false): string[] {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${heading} not in docs/drift.md`);
  const rest = doc.slice(start + heading.length + 2);
  const end = rest.search(/\n#/);
  return (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.startsWith(all ? '| ' : '| `'));
}

/** The member row of `event` and `path`. */
function row(doc: string, event: string, path: string): string {
  const found = rows(doc, '## Server event members').filter((l) => l.startsWith(`| \`${event}\` | \`${path}\` |`));
  expect(found, `${event} ${path} row`).toHaveLength(1);
  return found[0] ?? '';
}

/** The codec's error for a server event (code and path), or null when it decodes. */
function failure(event: unknown): { code: string; path: string } | null {
  const r = codec.safeDecodeServerEvent(JSON.stringify(event));
  return r.ok ? null : { code: r.error.code, path: r.error.path };
}

const session = { id: 'sess_1', object: 'realtime.session', model: 'gpt-4o-realtime-preview', modalities: ['text', 'audio'], voice: 'alloy' };
const response = { id: 'resp_1', object: 'realtime.response', status: 'completed', status_details: null, output: [], usage: { total_tokens: 3, input_tokens: 1, output_tokens: 2 } };

describe('drift report', () => {
  it('docs/drift.md is up to date (regenerate with `npm run drift`)', async () => {
    const fresh = await drift();
    expect(fresh === recorded(), 'docs/drift.md is stale: run `npm run drift`').toBe(true);
    expect(recorded()).toContain('| `conversation.item.retrieve` | — | yes | yes | unknown to the crate: `unknown_event_type` |');
    // One comparison covers both sections: the beta one above and the GA one.
    expect(recorded()).toContain('\n# GA\n');
  }, 300_000);

  describe('server claims, on hand-written official-shaped events', () => {
    let doc = '';
    beforeAll(() => {
      doc = recorded();
    });

    it('the SDKs know five server event types the crate rejects', () => {
      const types = rows(doc, '## Server event types');
      expect(types).toHaveLength(5);
      for (const type of ['conversation.item.retrieved', 'output_audio_buffer.started', 'output_audio_buffer.stopped', 'output_audio_buffer.cleared', 'transcription_session.updated']) {
        expect(failure({ type, event_id: 'event_1' })).toEqual({ code: 'unknown_event_type', path: '/type' });
        expect(types).toContain(`| \`${type}\` | — | yes | yes | unknown to the crate: \`unknown_event_type\` |`);
      }
      // Each of the crate's 29 is one the SDKs know too (none of them is listed as unknown).
      expect(codec.checkServerEvent(JSON.stringify({ type: 'input_audio_buffer.cleared', event_id: 'e' })).ok).toBe(true);
    });

    it('g711_ulaw, the API spelling, is rejected in session.created; the newer voice sage too', () => {
      expect(failure({ type: 'session.created', event_id: 'e', session: { ...session, output_audio_format: 'g711_ulaw' } })).toEqual({ code: 'invalid_value', path: '/session/output_audio_format' });
      expect(row(doc, 'session.created', '/session/output_audio_format')).toContain('SDK value `g711_ulaw`: rejected (`invalid_value` at `/session/output_audio_format`)');
      expect(failure({ type: 'session.created', event_id: 'e', session: { ...session, voice: 'sage' } })).toEqual({ code: 'invalid_value', path: '/session/voice' });
      expect(row(doc, 'session.created', '/session/voice')).toContain('SDK value `sage`: rejected (`invalid_value` at `/session/voice`)');
    });

    it('input_audio_buffer.committed: previous_item_id null (nullable in both SDKs) and absent are rejected', () => {
      const base = { type: 'input_audio_buffer.committed', event_id: 'e', item_id: 'msg_2' };
      expect(failure({ ...base, previous_item_id: null })).toEqual({ code: 'invalid_type', path: '/previous_item_id' });
      expect(failure(base)).toEqual({ code: 'missing_field', path: '/previous_item_id' });
      const line = row(doc, 'input_audio_buffer.committed', '/previous_item_id');
      expect(line).toContain('null allowed by the SDK (npm, Python)');
      expect(line).toContain('`null`: rejected (`invalid_type` at `/previous_item_id`)');
      expect(line).toContain('without it: rejected (`missing_field` at `/previous_item_id`)');
    });

    it('usage token details and the transcription usage are dropped silently', () => {
      const withDetails = { ...response, usage: { ...response.usage, input_token_details: { cached_tokens: 0, text_tokens: 1, audio_tokens: 0 } } };
      const out = JSON.parse(codec.canonicalizeServerEvent(JSON.stringify({ type: 'response.done', event_id: 'e', response: withDetails })));
      expect(out.response.usage).toEqual(response.usage);
      expect(row(doc, 'response.done', '/response/usage/input_token_details/cached_tokens')).toContain('missing in the crate: dropped silently');
      const completed = { type: 'conversation.item.input_audio_transcription.completed', event_id: 'e', item_id: 'i', content_index: 0, transcript: 'hi', usage: { type: 'duration', seconds: 2 } };
      expect(JSON.parse(codec.canonicalizeServerEvent(JSON.stringify(completed)))).not.toHaveProperty('usage');
      expect(row(doc, 'conversation.item.input_audio_transcription.completed', '/usage')).toContain('missing in the crate: dropped silently');
    });

    it("status_details.reason: the SDK's turn_detected is accepted for cancelled, rejected for incomplete", () => {
      const done = (details: unknown) => ({ type: 'response.done', event_id: 'e', response: { ...response, status: 'cancelled', status_details: details } });
      expect(failure(done({ type: 'cancelled', reason: 'turn_detected' }))).toBeNull();
      expect(failure(done({ type: 'incomplete', reason: 'turn_detected' }))).toEqual({ code: 'invalid_value', path: '/response/status_details/reason' });
      expect(row(doc, 'response.done', '/response/status_details/reason')).toContain('SDK value `turn_detected`: with `type: cancelled` accepted, with `type: incomplete` rejected (`invalid_value` at `/response/status_details/reason`)');
    });

    it('numbers: content_index is a u32, max_response_output_tokens a u16', () => {
      const delta = (n: string) => `{"type":"response.text.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":${n},"delta":"x"}`;
      expect(codec.checkServerEvent(delta('4294967295')).ok).toBe(true);
      expect(codec.checkServerEvent(delta('4294967296')).ok).toBe(false);
      expect(codec.checkServerEvent(delta('-1')).ok).toBe(false);
      const numbers = rows(doc, '## Server event numbers');
      expect(numbers.find((l) => l.startsWith('| `/content_index` |'))).toContain('| u32 (0 to 4294967295; 4294967296 rejected) | number | int |');
      const tokens = (n: number) => failure({ type: 'session.created', event_id: 'e', session: { ...session, max_response_output_tokens: n } });
      expect(tokens(65535)).toBeNull();
      expect(tokens(65536)?.path).toBe('/session/max_response_output_tokens');
      expect(numbers.find((l) => l.startsWith('| `/session/max_response_output_tokens` |'))).toContain('| u16 (0 to 65535; 65536 rejected) |');
    });

    it("the summary's counts are the table's", () => {
      const members = rows(doc, '## Server event members');
      const summary = doc.slice(doc.indexOf('In short:'), doc.indexOf('## Server event types'));
      const missing = members.filter((l) => l.includes('missing in the crate:')).length;
      const dropped = members.filter((l) => l.includes('missing in the crate: dropped silently')).length;
      const required = members.filter((l) => l.includes('required by the crate (')).length;
      expect(summary).toContain(`${missing} member\npaths the SDKs declare are missing in the crate (${dropped} of them dropped silently`);
      expect(summary).toContain(`${required} are required by the crate but optional in an SDK`);
      expect(missing).toBeGreaterThan(0);
    });
  });

  // GA has no wasm module yet: each claim is checked against the crate's own GA shape table (the
  // shapes example) and its recorded GA corpus outcomes (test/vectors/ga, written by the crate).
  describe('GA claims, against the crate itself', () => {
    let doc = '';
    let table: { types: { name: string; kind: string; members?: { name: string }[]; variants?: { struct: string; value: string }[] }[] } = { types: [] };
    type Case = { name: string; input: string; expect: { canonical?: string; error?: { code: string; path: string } } };
    const gaCase = (file: string, name: string): Case => {
      const found = (JSON.parse(readFileSync(join(root, 'test/vectors/ga', file), 'utf8')).cases as Case[]).find((c) => c.name === name);
      if (!found) throw new Error(`${file}: no case ${name}`);
      return found;
    };
    const gaRow = (heading: string, start: string) => {
      const found = rows(doc, heading, true).filter((l) => l.startsWith(start));
      expect(found, `${heading}: ${start}`).toHaveLength(1);
      return found[0] ?? '';
    };
    const variant = (union: string, value: string) => table.types.find((t) => t.name === union)?.variants?.find((v) => v.value === value);
    beforeAll(() => {
      doc = recorded();
      table = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })).ga;
    }, 300_000);

    it('npm has conversation.created and conversation.item.created, the crate neither', () => {
      for (const type of ['conversation.created', 'conversation.item.created']) {
        expect(variant('RealtimeServerEvent', type)).toBeUndefined();
        expect(gaRow('## GA server event types on one side only', `| \`${type}\` |`)).toBe(`| \`${type}\` | — | yes |`);
      }
      expect(variant('RealtimeServerEvent', 'conversation.item.added')).toBeDefined();
    });

    it("the transcription's languages (npm) is missing in the crate", () => {
      const struct = variant('RealtimeServerEvent', 'conversation.item.input_audio_transcription.completed')?.struct;
      const members = table.types.find((t) => t.name === struct)?.members?.map((m) => m.name) ?? [];
      expect(members).toContain('transcript');
      expect(members).not.toContain('languages');
      expect(gaRow('## GA server event members', '| `conversation.item.input_audio_transcription.completed` | `/languages` |')).toContain('| — | optional | missing in the crate |');
    });

    it('session.created: the crate drops the session tracing and id the service sends', () => {
      const c = gaCase('ga_server.json', 'session.created: a GA realtime session');
      expect(JSON.parse(c.input).session).toHaveProperty('tracing');
      expect(JSON.parse(c.input).session).toHaveProperty('id');
      const out = JSON.parse(c.expect.canonical ?? 'null').session;
      expect(out).not.toHaveProperty('tracing');
      expect(out).not.toHaveProperty('id');
      const line = gaRow('## The GA corpus through @openai/agents-realtime', '| ga_server: session.created: a GA realtime session |');
      expect(line).toMatch(/\| accepted \| accepted \| [^|]*`\/session\/tracing`[^|]*\| — \|$/);
    });

    it('agents-realtime accepts turn_detection: null in session.update, the crate rejects it', async () => {
      const name = "service: session.update with turn_detection: null (the API's way to turn VAD off)";
      const c = gaCase('ga_client.json', name);
      expect(c.expect.error).toMatchObject({ code: 'invalid_type', path: '/session/audio/input/turn_detection' });
      const { fileURLToPath, pathToFileURL } = await import('node:url');
      const { dirname } = await import('node:path');
      const entry = fileURLToPath(import.meta.resolve('@openai/agents-realtime'));
      const agents = await import(pathToFileURL(join(dirname(entry), 'openaiRealtimeEvents.mjs')).href);
      expect(agents.realtimeClientEventSchema.safeParse(JSON.parse(c.input)).success).toBe(true);
      expect(gaRow('## The GA corpus through @openai/agents-realtime', `| ga_client: ${name} |`)).toContain('| rejected (`invalid_type` at `/session/audio/input/turn_detection`) | accepted |');
    });
  });
});
