// Generators of client events for the property tests (fast-check): every variant and nested
// type, with optional members sometimes null, free text sometimes binary.
import fc from 'fast-check';
import { codec } from './helpers.js';

export const u32 = fc.integer({ min: 0, max: 4294967295 });
export const f32 = fc.float({ noNaN: true, noDefaultInfinity: true });
export const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
const nullish = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
const opt = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(Object.fromEntries(Object.entries(shape).map(([k, a]) => [k, nullish(a)])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] });

/** The leaves the events are built from. */
export interface Leaves {
  text: fc.Arbitrary<string>;
  u32: fc.Arbitrary<number>;
  f32: fc.Arbitrary<number>;
  /** Integers inside parameters. */
  integer: fc.Arbitrary<number>;
  /** Non-integer numbers inside parameters (none by default). */
  float?: fc.Arbitrary<number>;
  /** Keys and strings inside parameters (default fc.string()). */
  key?: fc.Arbitrary<string>;
}

/** Any client event the crate accepts, as the object a producer builds. */
export function clientEvents(leaves: Leaves = { text, u32, f32, integer: fc.integer() }): fc.Arbitrary<Record<string, unknown>> {
  const { text, u32, f32, integer } = leaves;
  // parameters: any JSON; non-integer numbers only from leaves.float (serde_json's default float
  // parser may read a long float one ulp off: a crate quirk pinned by the vectors, not a property).
  const parameters = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      leaves.key ?? fc.string(),
      integer,
      fc.boolean(),
      ...(leaves.float ? [leaves.float] : []),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(leaves.key ?? fc.string(), tie('v'), { maxKeys: 3 }),
    ),
  })).v;
  const session = opt({
    model: text,
    modalities: fc.array(text, { maxLength: 3 }),
    instructions: text,
    voice: fc.constantFrom(...codec.VOICES),
    input_audio_format: fc.constantFrom(...codec.AUDIO_FORMATS),
    output_audio_format: fc.constantFrom(...codec.AUDIO_FORMATS),
    input_audio_transcription: opt({ language: text, model: text, prompt: text }),
    turn_detection: fc.oneof(
      fc.record({ type: fc.constant('server_vad'), threshold: f32, prefix_padding_ms: u32, silence_duration_ms: u32, create_response: fc.boolean(), interrupt_response: fc.boolean() }, { requiredKeys: ['type', 'threshold', 'prefix_padding_ms', 'silence_duration_ms'] }),
      fc.record({ type: fc.constant('semantic_vad'), eagerness: text, create_response: fc.boolean(), interrupt_response: fc.boolean() }, { requiredKeys: ['type', 'eagerness'] }),
    ),
    tools: fc.array(fc.record({ type: fc.constant('function'), name: text, description: text, parameters }), { maxLength: 2 }),
    tool_choice: fc.oneof(fc.constantFrom(...codec.TOOL_CHOICE_MODES), fc.record({ type: fc.constant('function'), name: text })),
    temperature: f32,
    max_response_output_tokens: fc.oneof(fc.constant('inf'), fc.integer({ min: 0, max: 65535 })),
  });
  const content = fc.record(
    { type: fc.constantFrom(...codec.ITEM_CONTENT_TYPES), text: nullish(text), audio: nullish(fc.base64String()), transcript: nullish(text) },
    { requiredKeys: ['type'] },
  );
  const item = opt({
    id: text,
    type: fc.constantFrom(...codec.ITEM_TYPES),
    status: fc.constantFrom(...codec.ITEM_STATUSES),
    role: fc.constantFrom(...codec.ITEM_ROLES),
    content: fc.array(content, { maxLength: 3 }),
    call_id: text,
    name: text,
    arguments: text,
    output: text,
  });
  const withId = (type: string, shape: Record<string, fc.Arbitrary<unknown>>, optional: Record<string, fc.Arbitrary<unknown>> = {}) =>
    fc.record({ type: fc.constant(type), event_id: nullish(text), ...shape, ...optional } as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: ['type', ...Object.keys(shape)] });
  return fc.oneof(
    withId('session.update', { session }),
    withId('input_audio_buffer.append', { audio: fc.base64String() }),
    withId('input_audio_buffer.commit', {}),
    withId('input_audio_buffer.clear', {}),
    withId('conversation.item.create', { item }, { previous_item_id: nullish(text) }),
    withId('conversation.item.truncate', { item_id: text, content_index: u32, audio_end_ms: u32 }),
    withId('conversation.item.delete', { item_id: text }),
    withId('response.create', {}, { response: nullish(session) }),
    withId('response.cancel', {}),
  );
}

export const clientEvent = clientEvents();
