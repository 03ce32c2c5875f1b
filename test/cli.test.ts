import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const cli = join(root, 'dist/cli.mjs');
function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('realtime-codec CLI', () => {
  it('prints canonical events for the valid examples, exit 0', () => {
    const r = run(['examples/session.json', 'examples/conversation.jsonl']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]?.startsWith('{"type":"session.update","event_id":"evt_session_1","session":{"modalities"')).toBe(true);
    expect(lines).toContain('{"type":"response.create","response":null}');
    expect(lines).toContain('{"type":"response.cancel"}');
    expect(r.stderr).toContain('11 events: 11 valid, 0 invalid');
  });

  it('reports each invalid line with file, line, column, path and code, exit 1', () => {
    const r = run(['check', 'examples/invalid.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('examples/invalid.jsonl:1:45: error[invalid_value] at /session/voice: unknown variant `sage`');
    expect(r.stderr).toContain('examples/invalid.jsonl:3:73: error[out_of_range] at /content_index');
    expect(r.stderr).toContain('examples/invalid.jsonl:4:9: error[unknown_event_type] at /type');
    expect(r.stderr).toContain('examples/invalid.jsonl:7:37: error[syntax] at (root): trailing comma');
    expect(r.stderr).toContain('7 events: 0 valid, 7 invalid');
  });

  it('maps positions in a multi-line JSON document to the file', () => {
    const doc = '{\n  "type": "session.update",\n  "session": {\n    "voice": "nobody"\n  }\n}\n';
    const r = run(['check', '--format', 'json', '-'], doc);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:4:14: error[invalid_value] at /session/voice');
  });

  it('reads JSON Lines from stdin and emits --json records', () => {
    const r = run(['--json'], '{"type":"input_audio_buffer.clear"}\n\n{"type":"nope"}\n');
    expect(r.status).toBe(1);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toEqual({ source: '<stdin>', line: 1, ok: true, canonical: '{"type":"input_audio_buffer.clear"}' });
    expect(records[1]).toMatchObject({ source: '<stdin>', line: 3, ok: false, error: { code: 'unknown_event_type', path: '/type', line: 3, column: 9 } });
  });

  it('reports invalid UTF-8 in a file instead of replacing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realtime-codec-cli-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from('{"type":"input_audio_buffer.clear"}\r\n{"type":"input_audio_buffer.append","audio":"a'), Buffer.from([0xff]), Buffer.from('b"}\n')]));
    const r = run(['--json', file]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({ line: 1, ok: true });
    expect(records[1]).toMatchObject({ line: 2, ok: false, error: { code: 'invalid_unicode', path: '/audio', line: 2 } });
  });

  it('treats a pretty-printed invalid document on stdin as one document', () => {
    const r = run(['check'], '{\n  "type": "session.update",\n  "session": {"voice": 1},\n}\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('1 event: 0 valid, 1 invalid');
    expect(r.stderr).toContain('error[syntax]');
  });

  it('applies --max-bytes and rejects bad usage with status 2', () => {
    const r = run(['check', '--max-bytes', '5'], '{"type":"input_audio_buffer.clear"}');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[too_large]');
    expect(run(['--bogus']).status).toBe(2);
    expect(run(['no/such/file.json']).status).toBe(2);
    expect(run(['--help']).stdout).toContain('usage: realtime-codec');
  });
});

describe('realtime-codec diff', () => {
  it('reports differences per event; exit 1 when any', () => {
    const r = run(['diff', 'examples/conversation.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('examples/conversation.jsonl:8: response.cancel: 1 difference');
    expect(r.stdout).toContain('dropped    /response_id: "resp_1"');
    expect(r.stdout).toContain('changed    /response/temperature: 0.123456789 -> 0.12345679');
    expect(r.stderr).toContain('10 events: 10 valid, 0 invalid, 3 differ from their canonical form');
  });

  it('exits 0 for canonical input and prints JSON records with --json', () => {
    expect(run(['diff', '-'], '{"type":"input_audio_buffer.clear"}').status).toBe(0);
    const r = run(['diff', '--json', '-'], '{"type":"response.create"}');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      source: '<stdin>',
      line: 1,
      ok: true,
      canonical: '{"type":"response.create","response":null}',
      differences: [{ kind: 'added', path: '/response', value: 'null' }],
    });
  });

  // The summary goes to stderr, the differences to stdout. Read apart and shown one after the
  // other with stdout's last newline trimmed (as tools that capture both do), the summary once
  // came out on the last difference's line: `...or it was null)1 event: 1 valid`.
  const dropped = '    dropped    /session/type: "realtime" (the crate has no such member, or it was null)';
  const summary = '1 event: 1 valid, 0 invalid, 1 differ from their canonical form';
  it('puts the summary on a line of its own when stdout and stderr are read apart', () => {
    const r = run(['diff', '-'], '{"type":"session.update","session":{"type":"realtime"}}\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`<stdin>:1: session.update: 1 difference\n${dropped}\n`);
    expect(`${r.stdout.trimEnd()}${r.stderr}`.split('\n')).toEqual(['<stdin>:1: session.update: 1 difference', dropped, summary, '']);
  });

  it('adds no blank line when stdout and stderr are one file (2>&1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realtime-codec-cli-'));
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const r = spawnSync(process.execPath, [cli, 'diff', '-'], { cwd: root, input: '{"type":"session.update","session":{"type":"realtime"}}\n', stdio: ['pipe', fd, fd] });
    closeSync(fd);
    const text = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(text).toBe(`<stdin>:1: session.update: 1 difference\n${dropped}\n${summary}\n`);
  });
});

describe('realtime-codec --server', () => {
  it('checks, canonicalizes and diffs server events with the same files, lines and exit codes', () => {
    const cleared = '{"type":"input_audio_buffer.cleared","event_id":"e1"}';
    const ok = run(['check', '--server', '-'], `${cleared}\n`);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('<stdin>:1: ok input_audio_buffer.cleared\n');
    expect(ok.stderr).toContain('1 event: 1 valid, 0 invalid');
    // Without --server the same line is an unknown client event type.
    const asClient = run(['check', '-'], `${cleared}\n`);
    expect(asClient.status).toBe(1);
    expect(asClient.stderr).toContain('<stdin>:1:9: error[unknown_event_type] at /type');
    // And a client event is not a server event.
    const clear = run(['check', '--server', '--json', '-'], '{"type":"input_audio_buffer.clear"}\n{"type":"input_audio_buffer.cleared","event_id":"e2"}\n');
    expect(clear.status).toBe(1);
    const records = clear.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({ line: 1, ok: false, error: { code: 'unknown_event_type', path: '/type', line: 1, column: 9 } });
    expect(records[1]).toEqual({ source: '<stdin>', line: 2, ok: true });
  });

  it('prints the crate ServerEvent canonical form and its differences', () => {
    const r = run(['canonical', '--server', '-'], '{"event_id":"e1","type":"input_audio_buffer.cleared","object":"x"}');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"type":"input_audio_buffer.cleared","event_id":"e1"}\n');
    const d = run(['diff', '--server', '--json', '-'], '{"event_id":"e1","type":"input_audio_buffer.cleared"}');
    expect(d.status).toBe(1);
    expect(JSON.parse(d.stdout)).toEqual({
      source: '<stdin>',
      line: 1,
      ok: true,
      canonical: '{"type":"input_audio_buffer.cleared","event_id":"e1"}',
      differences: [{ kind: 'reordered', path: '', from: ['event_id', 'type'], to: ['type', 'event_id'] }],
    });
    expect(run(['diff', '--server', '-'], '{"type":"input_audio_buffer.cleared","event_id":"e1"}').status).toBe(0);
    // The crate's String refuses the null the beta service sends for a first item.
    const committed = run(['check', '--server', '-'], '{"type":"input_audio_buffer.committed","event_id":"e","item_id":"i","previous_item_id":null}');
    expect(committed.status).toBe(1);
    expect(committed.stderr).toContain('<stdin>:1:88: error[invalid_type] at /previous_item_id: invalid type: null, expected a string');
  });
});

describe('realtime-codec session', () => {
  function session(lines: string[], ...args: string[]) {
    return run(['session', ...args, '-'], `${lines.join('\n')}\n`);
  }
  function records(stdout: string) {
    return stdout.trim().split('\n').map((l) => JSON.parse(l));
  }

  it('reads the bundled beta session: a spoken question, a tool call, a spoken answer', () => {
    const r = run(['session', '--json', 'examples/beta-session.jsonl']);
    expect(r.status).toBe(1);
    const all = records(r.stdout);
    const { summary, types } = all.pop();
    expect(summary).toEqual({ lines: 227, valid: 226, invalid: 1, changed: 193, client: 35, server: 192, unknown: 0 });
    const row = (direction: string, type: string) => types.find((t: { direction: string; type: string }) => t.direction === direction && t.type === type);
    expect(row('client', 'input_audio_buffer.append')).toEqual({ direction: 'client', type: 'input_audio_buffer.append', count: 32, valid: 32, changed: 0, invalid: 0 });
    expect(row('server', 'conversation.item.input_audio_transcription.completed')).toMatchObject({ count: 1, valid: 1 });
    expect(row('server', 'response.function_call_arguments.done')).toMatchObject({ count: 1, valid: 1 });
    expect(row('client', 'conversation.item.create')).toMatchObject({ count: 1, valid: 1 });
    expect(row('server', 'response.audio.delta')).toMatchObject({ count: 120, valid: 120 });
    expect(row('server', 'response.done')).toMatchObject({ count: 2, valid: 2 });
    expect(all.filter((v) => !v.ok).map((v) => [v.line, v.direction, v.type, v.error.code, v.error.path, v.error.column])).toEqual([
      [38, 'server', 'input_audio_buffer.committed', 'invalid_type', '/previous_item_id', 91],
    ]);
    expect(all).toHaveLength(227);
  });

  it('prints one verdict a line and a table per type; exit 0 when every line is valid, changed or not', () => {
    const r = session(['{"type":"input_audio_buffer.clear"}', '', '{"event_id":"e1","type":"input_audio_buffer.cleared"}', '{"type":"input_audio_buffer.clear"}']);
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.slice(0, 3)).toEqual([
      '<stdin>:1: client input_audio_buffer.clear: ok',
      '<stdin>:3: server input_audio_buffer.cleared: changed by the canonical form (1 reordered)',
      '<stdin>:4: client input_audio_buffer.clear: ok',
    ]);
    expect(out[3]?.split(/\s+/)).toEqual(['direction', 'type', 'count', 'valid', 'changed', 'invalid']);
    expect(out[4]?.split(/\s+/)).toEqual(['client', 'input_audio_buffer.clear', '2', '2', '0', '0']);
    expect(out[5]?.split(/\s+/)).toEqual(['server', 'input_audio_buffer.cleared', '1', '1', '1', '0']);
    expect(out[6]?.split(/\s+/)).toEqual(['all', '3', '3', '1', '0']);
    expect(r.stderr).toContain('3 lines (2 client, 1 server, 0 of neither direction): 3 valid, 0 invalid, 1 changed by the canonical form');
    // -q: errors and the table only.
    const quiet = session(['{"type":"input_audio_buffer.clear"}'], '-q');
    expect(quiet.stdout.split('\n')[0]?.split(/\s+/)).toEqual(['direction', 'type', 'count', 'valid', 'changed', 'invalid']);
  });

  it('takes the direction member over the type, cut out of the event the crate reads', () => {
    const r = session(
      [
        // The member is removed before the crate reads the event: neither changed nor dropped.
        '{"direction":"client","type":"input_audio_buffer.clear"}',
        '{"type":"input_audio_buffer.clear","direction":"server"}',
        '{"direction":"server","event":{"type":"input_audio_buffer.cleared","event_id":"e1"},"time":1.5}',
        '{"event":{"type":"response.cancel"}}',
        '{"direction":"client","type":"session.update","session":{"voice":"x"}}',
        '{"direction":"sideways","type":"response.cancel"}',
      ],
      '--json',
    );
    expect(r.status).toBe(1);
    const all = records(r.stdout);
    expect(all[0]).toEqual({ source: '<stdin>', line: 1, direction: 'client', type: 'input_audio_buffer.clear', ok: true, changed: false, differences: [] });
    // A member says server: the crate's ServerEvent refuses a client type (no guess from the type).
    expect(all[1]).toMatchObject({ line: 2, direction: 'server', type: 'input_audio_buffer.clear', ok: false, error: { code: 'unknown_event_type', path: '/type', column: 9 } });
    expect(all[2]).toEqual({ source: '<stdin>', line: 3, direction: 'server', type: 'input_audio_buffer.cleared', ok: true, changed: false, differences: [] });
    // A wrapped event without a direction: its type tells.
    expect(all[3]).toEqual({ source: '<stdin>', line: 4, direction: 'client', type: 'response.cancel', ok: true, changed: false, differences: [] });
    // Columns are the line's, after the cut member (here `"x"` is at byte 66 of the line).
    expect(all[4]).toMatchObject({ line: 5, direction: 'client', ok: false, error: { code: 'invalid_value', path: '/session/voice', line: 1, column: 66 } });
    expect(all[5]).toMatchObject({ line: 6, direction: null, type: 'response.cancel', ok: false, error: { code: 'invalid_value', path: '/direction', column: 14 } });
    expect(all[6].summary).toEqual({ lines: 6, valid: 3, invalid: 3, changed: 0, client: 3, server: 2, unknown: 1 });
  });

  it('places errors inside a wrapped event in the line (`"x"` at byte 75)', () => {
    const r = session(['{"direction":"client","event":{"type":"session.update","session":{"voice":"x"}}}']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:1:75: client session.update: error[invalid_value] at /session/voice: unknown variant `x`');
  });

  it('reports a valid JSON line of neither direction, and malformed lines, and goes on', () => {
    const r = session(['{"type":"nope","event_id":"e"}', '{}', '[1, 2]', 'not json {', '{"type":"response.cancel",}', '{"type":"input_audio_buffer.clear"}']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:1:9: unknown nope: error[unknown_event_type] at /type: unknown event type "nope": neither a client nor a server event');
    expect(r.stderr).toContain('<stdin>:2:1: unknown (no type): error[missing_field] at /type: missing field `type`');
    expect(r.stderr).toMatch(/<stdin>:4:\d+: unknown \(no type\): error\[syntax\]/);
    expect(r.stderr).toContain('<stdin>:5:27: unknown (no type): error[syntax] at (root): trailing comma');
    expect(r.stdout).toContain('<stdin>:6: client input_audio_buffer.clear: ok');
    expect(r.stderr).toContain('6 lines (1 client, 0 server, 5 of neither direction): 1 valid, 5 invalid, 0 changed by the canonical form');
    const json = records(session(['{"type":"nope"}', '[1, 2]'], '--json').stdout);
    expect(json[0]).toEqual({
      source: '<stdin>',
      line: 1,
      direction: null,
      type: 'nope',
      ok: false,
      error: { code: 'unknown_event_type', path: '/type', line: 1, column: 9, reason: 'unknown event type "nope": neither a client nor a server event', received: '`nope`' },
    });
    expect(json[1]).toMatchObject({ line: 2, direction: null, type: null, ok: false });
    expect(json[2].types).toEqual([
      { direction: null, type: 'nope', count: 1, valid: 0, changed: 0, invalid: 1 },
      { direction: null, type: null, count: 1, valid: 0, changed: 0, invalid: 1 },
    ]);
  });

  it('exits 2 for options that do not apply and for unreadable files', () => {
    expect(run(['session', '--server', '-'], '{}').status).toBe(2);
    expect(run(['session', '--format', 'json', '-'], '{}').status).toBe(2);
    expect(run(['session', 'no/such/file.jsonl']).status).toBe(2);
    const big = session(['{"type":"input_audio_buffer.clear"}'], '--max-bytes', '5', '--json');
    expect(big.status).toBe(1);
    expect(records(big.stdout)[0]).toMatchObject({ direction: 'client', ok: false, error: { code: 'too_large' } });
  });
});
