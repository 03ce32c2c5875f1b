// Every closed string union in ts/types.ts must equal serde's own list for that enum, as the wasm
// build reports it in `expectedValues` when given a value outside it.
import { describe, expect, it } from 'vitest';
import { codec, loadVectors } from './helpers.js';

function serdeList(input: string): readonly string[] | undefined {
  const r = codec.check(input);
  if (r.ok) throw new Error(`${input} was accepted`);
  return r.error.expectedValues;
}

const session = (member: string) => `{"type":"session.update","session":{${member}}}`;
const item = (member: string) => `{"type":"conversation.item.create","item":{${member}}}`;

describe('closed unions equal serde', () => {
  it.each([
    ['EVENT_TYPES', codec.EVENT_TYPES, '{"type":"?"}'],
    ['VOICES', codec.VOICES, session('"voice":"?"')],
    ['AUDIO_FORMATS (input)', codec.AUDIO_FORMATS, session('"input_audio_format":"?"')],
    ['AUDIO_FORMATS (output)', codec.AUDIO_FORMATS, session('"output_audio_format":"?"')],
    ['ITEM_TYPES', codec.ITEM_TYPES, item('"type":"?"')],
    ['ITEM_STATUSES', codec.ITEM_STATUSES, item('"status":"?"')],
    ['ITEM_ROLES', codec.ITEM_ROLES, item('"role":"?"')],
    ['ITEM_CONTENT_TYPES', codec.ITEM_CONTENT_TYPES, item('"content":[{"type":"?"}]')],
    ['TURN_DETECTION_TYPES', codec.TURN_DETECTION_TYPES, session('"turn_detection":{"type":"?"}')],
  ])('%s', (_, list, input) => {
    expect(serdeList(input)).toEqual([...list]);
  });

  it('ERROR_CODES are exactly the codes the corpus produces, plus the two no vector can show', () => {
    const vectors = [...loadVectors('client'), ...loadVectors('server')];
    const produced = new Set(vectors.flatMap((v) => ('error' in v.expect ? [v.expect.error.code] : [])));
    // too_large needs a non-default limit and not_initialized the browser entry: both tested elsewhere.
    expect([...produced, 'too_large', 'not_initialized'].sort()).toEqual([...codec.ERROR_CODES].sort());
  });

  it('TOOL_CHOICE_MODES and "inf" are the only accepted strings', () => {
    for (const mode of codec.TOOL_CHOICE_MODES) expect(codec.check(session(`"tool_choice":"${mode}"`)).ok).toBe(true);
    expect(codec.check(session('"tool_choice":"any"')).ok).toBe(false);
    expect(codec.check(session('"max_response_output_tokens":"inf"')).ok).toBe(true);
    expect(codec.check(session('"max_response_output_tokens":"infinite"')).ok).toBe(false);
  });
});
