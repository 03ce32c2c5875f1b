import { describe, expect, it } from 'vitest';
import { codec, loadVectors } from './helpers.js';

describe('diff()', () => {
  it.each(['client', 'server'] as const)('gives the canonical text of every valid %s vector, and no difference when the input is canonical', (direction) => {
    let canonicalInputs = 0;
    const diff = direction === 'client' ? codec.diff : codec.diffServerEvent;
    for (const v of loadVectors(direction)) {
      if (!('canonical' in v.expect)) {
        expect(() => diff(v.input), v.name).toThrow(codec.ClientEventError);
        continue;
      }
      const result = diff(v.input);
      expect(result.canonical, v.name).toBe(v.expect.canonical);
      if (v.input === v.expect.canonical) {
        canonicalInputs += 1;
        expect(result.differences, v.name).toEqual([]);
      } else {
        // Text that differs must show a difference, unless only whitespace or number spelling did.
        const same = JSON.stringify(JSON.parse(v.input)) === JSON.stringify(JSON.parse(v.expect.canonical));
        if (!same) expect(result.differences.length, v.name).toBeGreaterThan(0);
      }
    }
    expect(canonicalInputs).toBeGreaterThan(20);
  });

  it('names each kind of difference with its path', () => {
    const { differences } = codec.diff(
      '{"response":{"temperature":0.123456789,"conversation":"none","voice":"ash"},"event_id":null,"type":"response.create"}',
    );
    expect(differences).toEqual(
      expect.arrayContaining([
        { kind: 'changed', path: '/response/temperature', from: '0.123456789', to: '0.12345679' },
        { kind: 'dropped', path: '/response/conversation', value: '"none"' },
        { kind: 'dropped', path: '/event_id', value: 'null' },
        { kind: 'reordered', path: '', from: ['response', 'type'], to: ['type', 'response'] },
        { kind: 'reordered', path: '/response', from: ['temperature', 'voice'], to: ['voice', 'temperature'] },
      ]),
    );
    expect(codec.diff('{"type":"response.create"}').differences).toEqual([{ kind: 'added', path: '/response', value: 'null' }]);
    const sorted = codec.diff(
      '{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d","parameters":{"b":1,"a":2}}]}}',
    );
    expect(sorted.differences).toEqual([{ kind: 'reordered', path: '/session/tools/0/parameters', from: ['b', 'a'], to: ['a', 'b'] }]);
    expect(codec.diff('{"type":"session.update","session":{"temperature":1}}').differences).toEqual([]);
  });
});
