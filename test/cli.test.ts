import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('realtime-codec --protocol', () => {
  // A GA session.update (session.type) and a GA-only server type.
  const gaUpdate = '{"type":"session.update","session":{"type":"realtime","output_modalities":["text"]}}';
  const gaDelta = '{"type":"response.output_audio.delta","event_id":"e1","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}';

  it('checks, canonicalizes and diffs GA events with --protocol ga; beta stays the default', () => {
    const ok = run(['check', '--protocol', 'ga', '-'], `${gaUpdate}\n`);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('<stdin>:1: ok session.update\n');
    expect(ok.stderr.trim()).toBe('1 event: 1 valid, 0 invalid');
    const server = run(['check', '--protocol=ga', '--server', '-'], `${gaDelta}\n`);
    expect(server.status).toBe(0);
    expect(server.stdout).toBe('<stdin>:1: ok response.output_audio.delta\n');
    // The same delta read as beta's (the default): unknown type, and a hint naming --protocol ga.
    const asBeta = run(['check', '--server', '-'], `${gaDelta}\n`);
    expect(asBeta.status).toBe(1);
    expect(asBeta.stderr).toContain('<stdin>:1:9: error[unknown_event_type] at /type');
    expect(asBeta.stderr).toContain("hint: these events were read as beta's (async-openai-wasm 0.29.5), the default; for the GA service's, or to compare both: realtime-codec check --protocol ga");
    // Given explicitly, beta gives no hint.
    expect(run(['check', '--protocol', 'beta', '--server', '-'], `${gaDelta}\n`).stderr).not.toContain('hint:');
    // canonical: the GA crate's form (members in its order).
    const canonical = run(['canonical', '--protocol', 'ga', '-'], '{"session":{"type":"realtime"},"type":"session.update"}');
    expect(canonical.status).toBe(0);
    expect(canonical.stdout).toBe('{"type":"session.update","session":{"type":"realtime"}}\n');
    // diff --json: the record beta's gives for an event both protocols type alike.
    const diffs = ['beta', 'ga'].map((p) => run(['diff', '--protocol', p, '--server', '--json', '-'], '{"event_id":"e1","type":"input_audio_buffer.cleared"}'));
    expect(diffs.map((d) => d.status)).toEqual([1, 1]);
    expect(JSON.parse(diffs[1]?.stdout ?? '')).toEqual(JSON.parse(diffs[0]?.stdout ?? ''));
    expect(JSON.parse(diffs[1]?.stdout ?? '').differences).toEqual([{ kind: 'reordered', path: '', from: ['event_id', 'type'], to: ['type', 'event_id'] }]);
    // GA refuses a beta-shaped session.update where beta accepts it.
    const beta = '{"type":"session.update","session":{"modalities":["text"],"voice":"alloy"}}';
    expect(run(['check', '-'], beta).status).toBe(0);
    const refused = run(['check', '--protocol', 'ga', '--json', '-'], beta);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'missing_field', path: '/session/type', line: 1, column: 36 } });
  });

  it('rejects a bad --protocol with a usage error, exit 2', () => {
    for (const args of [['check', '--protocol', 'gamma', '-'], ['--protocol=Beta', '-'], ['check', '--protocol']]) {
      const r = run(args, '{}');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^realtime-codec: --protocol must be beta, ga or auto, got (gamma|Beta|nothing)\n\nusage: realtime-codec/);
      expect(r.stdout).toBe('');
    }
    // auto compares the two line by line: a session's matter only.
    const auto = run(['check', '--protocol', 'auto', '-'], '{}');
    expect(auto.status).toBe(2);
    expect(auto.stderr).toContain('realtime-codec: --protocol auto compares both protocols line by line: it applies to session; check reads one (beta or ga)');
    expect(run(['--help']).stdout).toContain('--protocol P       beta (default) | ga');
  });

  it("reads only the chosen protocol's .wasm", () => {
    // A copy of dist/ without the beta modules: GA works; beta says which file is missing (exit 2).
    const dir = mkdtempSync(join(tmpdir(), 'realtime-codec-cli-'));
    try {
      cpSync(join(root, 'dist'), dir, { recursive: true });
      rmSync(join(dir, 'realtime_codec_bg.wasm'));
      rmSync(join(dir, 'realtime_codec_server_bg.wasm'));
      const cliCopy = join(dir, 'cli.mjs');
      const go = (args: string[], input: string) => spawnSync(process.execPath, [cliCopy, ...args], { input, encoding: 'utf8' });
      const ga = go(['session', '--protocol', 'ga', '-q', '-'], `${gaUpdate}\n${gaDelta}\n`);
      expect(ga.stderr).toContain('2 lines (1 client, 1 server, 0 of neither direction): 2 valid, 0 invalid');
      expect(ga.status).toBe(0);
      const beta = go(['check', '-'], '{"type":"input_audio_buffer.clear"}');
      expect(beta.status).toBe(2);
      expect(beta.stderr).toMatch(/^realtime-codec: cannot read the WebAssembly module realtime_codec_bg\.wasm/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the bundled GA session: valid but for exactly the planted refusals, each located', () => {
    const r = run(['session', '--protocol', 'ga', '--json', 'examples/ga-session.jsonl']);
    expect(r.status).toBe(1);
    const all = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const { summary } = all.pop();
    expect(summary).toEqual({ lines: 240, valid: 236, invalid: 4, changed: 198, client: 41, server: 199, unknown: 0 });
    expect(all.filter((v) => !v.ok).map((v) => [v.line, v.direction, v.type, v.error.code, v.error.path, v.error.column])).toEqual([
      [39, 'server', 'conversation.item.added', 'invalid_type', '/item/content/0/transcript', 247],
      [50, 'server', 'conversation.item.done', 'missing_field', '/item/content/0/audio', 211],
      [233, 'client', 'session.update', 'invalid_type', '/session/audio/input/turn_detection', 221],
      [234, 'server', 'session.updated', 'invalid_type', '/session/audio/input/turn_detection', 783],
    ]);
    // Read as beta's (the default), the GA log's GA-only types are unknown: and a hint says so.
    const asBeta = run(['session', '-q', 'examples/ga-session.jsonl']);
    expect(asBeta.stderr).toContain('examples/ga-session.jsonl:76:41: unknown response.output_audio.delta: error[unknown_event_type]');
    expect(asBeta.stderr).toContain('hint: these events were read as beta');
    expect(asBeta.stderr).toContain('realtime-codec session --protocol auto');
  });
});

describe('realtime-codec session --protocol auto', () => {
  function auto(lines: string[], ...args: string[]) {
    return run(['session', '--protocol', 'auto', ...args, '-'], `${lines.join('\n')}\n`);
  }
  const both = '{"type":"input_audio_buffer.clear"}';
  const betaOnly = '{"type":"response.audio.delta","event_id":"e1","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}';
  const gaOnly = '{"type":"response.output_audio.delta","event_id":"e2","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}';
  const neither = '{"type":"nope"}';
  const betaUpdate = '{"type":"session.update","session":{"modalities":["text"],"voice":"alloy"}}';
  const sessionHint =
    'a GA session says what it is: session.type "realtime" (or "transcription"); its audio settings are under session.audio.input and session.audio.output (voice: session.audio.output.voice)';

  it('says which protocol each line fits, with each refusal and its hint (--json)', () => {
    const r = auto([both, betaOnly, gaOnly, neither, betaUpdate, betaOnly], '--json');
    expect(r.status).toBe(1);
    const all = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(all).toHaveLength(7);
    expect(all[0]).toEqual({
      source: '<stdin>',
      line: 1,
      direction: 'client',
      type: 'input_audio_buffer.clear',
      fits: 'both',
      beta: { ok: true, direction: 'client', changed: false, differences: [] },
      ga: { ok: true, direction: 'client', changed: false, differences: [] },
    });
    expect(all[1]).toMatchObject({
      line: 2,
      direction: 'server',
      type: 'response.audio.delta',
      fits: 'beta',
      beta: { ok: true, direction: 'server' },
      ga: { ok: false, direction: null, error: { code: 'unknown_event_type', path: '/type', column: 9 }, hint: 'GA names this event response.output_audio.delta' },
    });
    expect(all[1].ga.error.reason).toBe('unknown event type "response.audio.delta": neither a client nor a server event of GA');
    expect(all[2]).toMatchObject({
      line: 3,
      type: 'response.output_audio.delta',
      fits: 'ga',
      beta: { ok: false, error: { code: 'unknown_event_type', path: '/type' }, hint: 'beta names this event response.audio.delta' },
      ga: { ok: true, direction: 'server' },
    });
    expect(all[3]).toMatchObject({ line: 4, direction: null, type: 'nope', fits: 'neither', beta: { ok: false, error: { code: 'unknown_event_type' } }, ga: { ok: false, error: { code: 'unknown_event_type' } } });
    expect(all[3].beta).not.toHaveProperty('hint');
    expect(all[4]).toMatchObject({ line: 5, fits: 'beta', beta: { ok: true }, ga: { ok: false, error: { code: 'missing_field', path: '/session/type', column: 36 }, hint: sessionHint } });
    const closing = all[6];
    expect(closing.summary).toEqual({ lines: 6, both: 1, beta: 3, ga: 1, neither: 1, betaValid: 4, gaValid: 2, fitsAll: null });
    expect(closing.types).toContainEqual({ direction: 'server', type: 'response.audio.delta', count: 2, beta: 2, ga: 0, both: 0, neither: 0 });
    expect(closing.types).toContainEqual({ direction: null, type: 'nope', count: 1, beta: 0, ga: 0, both: 0, neither: 1 });
    // Refusals grouped by protocol, type, code and path, the most frequent first.
    expect(closing.refusals[0]).toEqual({ protocol: 'beta', type: 'response.output_audio.delta', code: 'unknown_event_type', path: '/type', reason: expect.any(String), hint: 'beta names this event response.audio.delta', count: 1, first: { source: '<stdin>', line: 3 } });
    expect(closing.refusals.filter((g: { protocol: string }) => g.protocol === 'ga').map((g: { type: string; count: number }) => [g.type, g.count])).toEqual([
      ['response.audio.delta', 2],
      ['nope', 1],
      ['session.update', 1],
    ]);
  });

  it('prints each verdict and hint for a reader, neither-lines on stderr, then the table and the refusals', () => {
    const r = auto([both, betaOnly, gaOnly, neither, betaUpdate, betaOnly]);
    expect(r.status).toBe(1);
    const out = r.stdout.split('\n');
    expect(out.slice(0, 12)).toEqual([
      '<stdin>:1: client input_audio_buffer.clear: both',
      '<stdin>:2: server response.audio.delta: beta only',
      '    beta  ok',
      '    GA    error[unknown_event_type] at /type (column 9): unknown event type "response.audio.delta": neither a client nor a server event of GA',
      '          hint: GA names this event response.output_audio.delta',
      '<stdin>:3: server response.output_audio.delta: GA only',
      '    beta  error[unknown_event_type] at /type (column 9): unknown event type "response.output_audio.delta": neither a client nor a server event',
      '          hint: beta names this event response.audio.delta',
      '    GA    ok',
      '<stdin>:5: client session.update: beta only',
      '    beta  ok',
      '    GA    error[missing_field] at /session/type (column 36): missing field `type`',
    ]);
    expect(out[12]).toBe(`          hint: ${sessionHint}`);
    // The second response.audio.delta: its refusal again, its hint not (it is in the closing list).
    expect(out.slice(13, 16)).toEqual(['<stdin>:6: server response.audio.delta: beta only', '    beta  ok', '    GA    error[unknown_event_type] at /type (column 9): unknown event type "response.audio.delta": neither a client nor a server event of GA']);
    expect(out[16]?.split(/\s+/)).toEqual(['direction', 'type', 'count', 'beta', 'GA', 'both', 'neither']);
    expect(r.stdout).toContain('GA refuses 4 lines, for 3 reasons:\n     2 x response.audio.delta: error[unknown_event_type] at /type:');
    expect(r.stdout).toContain('         hint: GA names this event response.output_audio.delta\n');
    expect(r.stderr).toContain('<stdin>:4: unknown nope: neither protocol\n    beta  error[unknown_event_type] at /type (column 9)');
    expect(r.stderr).toContain('6 lines: 1 fit both, 3 beta only, 1 GA only, 1 neither; beta accepts 4, GA 2: no protocol accepts every line');
    // -q: the lines of neither protocol, the table and the refusals only.
    const quiet = auto([both, betaOnly, neither], '-q');
    expect(quiet.stdout.split('\n')[0]?.split(/\s+/)).toEqual(['direction', 'type', 'count', 'beta', 'GA', 'both', 'neither']);
    expect(quiet.stderr).toContain('<stdin>:3: unknown nope: neither protocol');
  });

  it('exits 0 when one protocol accepts every line', () => {
    const r = auto([both, gaOnly]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('2 lines: 1 fit both, 0 beta only, 1 GA only, 0 neither; beta accepts 1, GA 2: GA accepts every line');
    expect(r.stderr).not.toContain('hint: these events');
  });

  it('tells a beta log what GA calls its events, from the bundled beta session', () => {
    const r = run(['session', '--protocol', 'auto', '--json', 'examples/beta-session.jsonl']);
    expect(r.status).toBe(1);
    const closing = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    expect(closing.summary).toEqual({ lines: 227, both: 61, beta: 165, ga: 1, neither: 0, betaValid: 226, gaValid: 62, fitsAll: null });
    const ga = (type: string) => closing.refusals.find((g: { protocol: string; type: string }) => g.protocol === 'ga' && g.type === type);
    expect(ga('response.audio.delta')).toMatchObject({ count: 120, code: 'unknown_event_type', hint: 'GA names this event response.output_audio.delta', first: { line: 72 } });
    expect(ga('conversation.item.created')).toMatchObject({ count: 3, hint: 'GA names this event conversation.item.added, then conversation.item.done once the item is complete' });
    // Line 38 (previous_item_id: null) is the line GA accepts and beta does not.
    expect(closing.refusals.filter((g: { protocol: string }) => g.protocol === 'beta')).toEqual([
      { protocol: 'beta', type: 'input_audio_buffer.committed', code: 'invalid_type', path: '/previous_item_id', reason: 'invalid type: null, expected a string', count: 1, first: { source: 'examples/beta-session.jsonl', line: 38 } },
    ]);
  });
});
