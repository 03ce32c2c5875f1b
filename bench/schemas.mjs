// The baselines' schemas: the same nine events written to the crate's rules (required members,
// closed enums, u16/u32 ranges, null read as absent, unknown members allowed), once for zod 4 and
// once as JSON Schema for ajv. Used only by bench/bench.mjs.
import { z } from 'zod';

const u32 = z.number().int().min(0).max(4294967295);
const opt = (schema) => schema.nullish();
const voice = z.enum(['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'shimmer', 'verse']);
const audioFormat = z.enum(['pcm16', 'g711_law', 'g711_alaw']);
const turnDetection = z.discriminatedUnion('type', [
  z.object({ type: z.literal('server_vad'), threshold: z.number(), prefix_padding_ms: u32, silence_duration_ms: u32, create_response: opt(z.boolean()), interrupt_response: opt(z.boolean()) }),
  z.object({ type: z.literal('semantic_vad'), eagerness: z.string(), create_response: opt(z.boolean()), interrupt_response: opt(z.boolean()) }),
]);
const tool = z.object({ type: z.literal('function'), name: z.string(), description: z.string(), parameters: z.unknown() });
const session = z.object({
  model: opt(z.string()),
  modalities: opt(z.array(z.string())),
  instructions: opt(z.string()),
  voice: opt(voice),
  input_audio_format: opt(audioFormat),
  output_audio_format: opt(audioFormat),
  input_audio_transcription: opt(z.object({ language: opt(z.string()), model: opt(z.string()), prompt: opt(z.string()) })),
  turn_detection: opt(turnDetection),
  tools: opt(z.array(tool)),
  tool_choice: opt(z.union([z.enum(['auto', 'none', 'required']), z.object({ type: z.literal('function'), name: z.string() })])),
  temperature: opt(z.number()),
  max_response_output_tokens: opt(z.union([z.literal('inf'), z.number().int().min(0).max(65535)])),
});
const content = z.object({ type: z.enum(['input_text', 'input_audio', 'text', 'audio']), text: opt(z.string()), audio: opt(z.string()), transcript: opt(z.string()) });
const item = z.object({
  id: opt(z.string()),
  type: opt(z.enum(['message', 'function_call', 'function_call_output'])),
  status: opt(z.enum(['completed', 'in_progress', 'incomplete'])),
  role: opt(z.enum(['user', 'assistant', 'system'])),
  content: opt(z.array(content)),
  call_id: opt(z.string()),
  name: opt(z.string()),
  arguments: opt(z.string()),
  output: opt(z.string()),
});
const id = { event_id: opt(z.string()) };
export const zodClientEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.update'), ...id, session }),
  z.object({ type: z.literal('input_audio_buffer.append'), ...id, audio: z.string() }),
  z.object({ type: z.literal('input_audio_buffer.commit'), ...id }),
  z.object({ type: z.literal('input_audio_buffer.clear'), ...id }),
  z.object({ type: z.literal('conversation.item.create'), ...id, previous_item_id: opt(z.string()), item }),
  z.object({ type: z.literal('conversation.item.truncate'), ...id, item_id: z.string(), content_index: u32, audio_end_ms: u32 }),
  z.object({ type: z.literal('conversation.item.delete'), ...id, item_id: z.string() }),
  z.object({ type: z.literal('response.create'), ...id, response: opt(session) }),
  z.object({ type: z.literal('response.cancel'), ...id }),
]);

// JSON Schema (draft 2020-12 subset ajv 8 compiles), same rules.
const nstring = { type: ['string', 'null'] };
const u32s = { type: 'integer', minimum: 0, maximum: 4294967295 };
const enumOrNull = (values) => ({ enum: [...values, null] });
const sessionSchema = {
  type: 'object',
  properties: {
    model: nstring,
    modalities: { type: ['array', 'null'], items: { type: 'string' } },
    instructions: nstring,
    voice: enumOrNull(['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'shimmer', 'verse']),
    input_audio_format: enumOrNull(['pcm16', 'g711_law', 'g711_alaw']),
    output_audio_format: enumOrNull(['pcm16', 'g711_law', 'g711_alaw']),
    input_audio_transcription: { type: ['object', 'null'], properties: { language: nstring, model: nstring, prompt: nstring } },
    turn_detection: {
      oneOf: [
        { type: 'null' },
        { type: 'object', required: ['type', 'threshold', 'prefix_padding_ms', 'silence_duration_ms'], properties: { type: { const: 'server_vad' }, threshold: { type: 'number' }, prefix_padding_ms: u32s, silence_duration_ms: u32s, create_response: { type: ['boolean', 'null'] }, interrupt_response: { type: ['boolean', 'null'] } } },
        { type: 'object', required: ['type', 'eagerness'], properties: { type: { const: 'semantic_vad' }, eagerness: { type: 'string' }, create_response: { type: ['boolean', 'null'] }, interrupt_response: { type: ['boolean', 'null'] } } },
      ],
    },
    tools: { type: ['array', 'null'], items: { type: 'object', required: ['type', 'name', 'description', 'parameters'], properties: { type: { const: 'function' }, name: { type: 'string' }, description: { type: 'string' } } } },
    tool_choice: { oneOf: [{ enum: ['auto', 'none', 'required', null] }, { type: 'object', required: ['type', 'name'], properties: { type: { const: 'function' }, name: { type: 'string' } } }] },
    temperature: { type: ['number', 'null'] },
    max_response_output_tokens: { oneOf: [{ enum: ['inf', null] }, { type: 'integer', minimum: 0, maximum: 65535 }] },
  },
};
const itemSchema = {
  type: 'object',
  properties: {
    id: nstring,
    type: enumOrNull(['message', 'function_call', 'function_call_output']),
    status: enumOrNull(['completed', 'in_progress', 'incomplete']),
    role: enumOrNull(['user', 'assistant', 'system']),
    content: { type: ['array', 'null'], items: { type: 'object', required: ['type'], properties: { type: { enum: ['input_text', 'input_audio', 'text', 'audio'] }, text: nstring, audio: nstring, transcript: nstring } } },
    call_id: nstring,
    name: nstring,
    arguments: nstring,
    output: nstring,
  },
};
const event = (type, required = [], properties = {}) => ({
  type: 'object',
  required: ['type', ...required],
  properties: { type: { const: type }, event_id: nstring, ...properties },
});
export const ajvClientEvent = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    event('session.update', ['session'], { session: sessionSchema }),
    event('input_audio_buffer.append', ['audio'], { audio: { type: 'string' } }),
    event('input_audio_buffer.commit'),
    event('input_audio_buffer.clear'),
    event('conversation.item.create', ['item'], { previous_item_id: nstring, item: itemSchema }),
    event('conversation.item.truncate', ['item_id', 'content_index', 'audio_end_ms'], { item_id: { type: 'string' }, content_index: u32s, audio_end_ms: u32s }),
    event('conversation.item.delete', ['item_id'], { item_id: { type: 'string' } }),
    event('response.create', [], { response: { oneOf: [{ type: 'null' }, sessionSchema] } }),
    event('response.cancel'),
  ],
};
