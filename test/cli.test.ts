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
