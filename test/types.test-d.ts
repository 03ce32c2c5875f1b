// Type-level tests (vitest --typecheck runs them through tsc): valid events type-check, wrong ones
// do not (each @ts-expect-error must meet an error, or tsc fails the run).
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AudioFormat,
  ClientEvent,
  ClientEventInput,
  ClientEventType,
  EventOf,
  ItemContentType,
  RealtimeVoice,
  ResponseCreateEvent,
  SessionResource,
  ToolChoice,
  TurnDetection,
} from '../dist/node.mjs';
import type {
  ContentPart,
  ResponseAudioDeltaEvent,
  ResponseStatusDetail,
  ServerEvent,
  ServerEventInput,
  ServerEventOf,
  ServerEventType,
  Usage,
} from '../dist/node.mjs';
import { AUDIO_FORMATS, ClientEventError, decode, encode, EVENT_TYPES, safeDecode, VOICES, ITEM_CONTENT_TYPES } from '../dist/node.mjs';
import {
  checkServerEvent,
  decodeServerEvent,
  encodeServerEvent,
  RealtimeCodecError,
  safeDecodeServerEvent,
  safeEncodeServerEvent,
  SERVER_EVENT_TYPES,
  ServerEventError,
} from '../dist/node.mjs';

describe('closed unions', () => {
  it('derive from the runtime lists', () => {
    expectTypeOf<RealtimeVoice>().toEqualTypeOf<(typeof VOICES)[number]>();
    expectTypeOf<RealtimeVoice>().toEqualTypeOf<'alloy' | 'ash' | 'ballad' | 'coral' | 'echo' | 'fable' | 'onyx' | 'nova' | 'shimmer' | 'verse'>();
    expectTypeOf<AudioFormat>().toEqualTypeOf<'pcm16' | 'g711_law' | 'g711_alaw'>();
    expectTypeOf<AudioFormat>().toEqualTypeOf<(typeof AUDIO_FORMATS)[number]>();
    expectTypeOf<ItemContentType>().toEqualTypeOf<(typeof ITEM_CONTENT_TYPES)[number]>();
    expectTypeOf<ClientEventType>().toEqualTypeOf<(typeof EVENT_TYPES)[number]>();
    expectTypeOf<ClientEvent['type']>().toEqualTypeOf<ClientEventType>();
  });
});

describe('canonical shape (decode output)', () => {
  it('narrows on type', () => {
    const event = decode('{}');
    if (event.type === 'conversation.item.truncate') {
      expectTypeOf(event.content_index).toEqualTypeOf<number>();
      expectTypeOf(event.item_id).toEqualTypeOf<string>();
    }
    if (event.type === 'response.create') {
      expectTypeOf(event.response).toEqualTypeOf<SessionResource | null>();
    }
    expectTypeOf<EventOf<'response.create'>>().toEqualTypeOf<ResponseCreateEvent>();
  });

  it('has response: null required on response.create and no nulls elsewhere', () => {
    const ok: ClientEvent = { type: 'response.create', response: null };
    // @ts-expect-error the canonical form always has `response`
    const missing: ClientEvent = { type: 'response.create' };
    // @ts-expect-error canonical optional members are omitted, never null
    const nulled: ClientEvent = { type: 'response.cancel', event_id: null };
    void [ok, missing, nulled];
  });

  it('tool choice, turn detection and token limits', () => {
    const choices: ToolChoice[] = ['auto', 'none', 'required', { type: 'function', name: 'f' }];
    // @ts-expect-error unknown mode
    const any: ToolChoice = 'any';
    const vad: TurnDetection = { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 1, silence_duration_ms: 2 };
    // @ts-expect-error server_vad needs its three numbers
    const short: TurnDetection = { type: 'server_vad', threshold: 0.5 };
    // @ts-expect-error semantic_vad needs eagerness
    const semantic: TurnDetection = { type: 'semantic_vad' };
    const tokens: SessionResource = { max_response_output_tokens: 'inf' };
    // @ts-expect-error only "inf" or a number
    const infinite: SessionResource = { max_response_output_tokens: 'infinite' };
    void [choices, any, vad, short, semantic, tokens, infinite];
  });
});

describe('accepted shape (encode input)', () => {
  it('accepts null for optional members and a missing response', () => {
    encode({ type: 'response.create' });
    encode({ type: 'response.create', response: null, event_id: null });
    encode({ type: 'session.update', session: { voice: null, turn_detection: null, tools: [{ type: 'function', name: 'f', description: 'd', parameters: { any: [1, null] } }] } });
    encode({ type: 'conversation.item.create', item: { content: [{ type: 'input_text', text: 'hi', audio: null }] } });
    expectTypeOf(encode).returns.toEqualTypeOf<string>();
  });

  it('rejects wrong events', () => {
    // @ts-expect-error unknown event type
    encode({ type: 'conversation.item.retrieve', item_id: 'x' });
    // @ts-expect-error missing audio
    encode({ type: 'input_audio_buffer.append' });
    // @ts-expect-error audio must be a string
    encode({ type: 'input_audio_buffer.append', audio: new Uint8Array(2) });
    // @ts-expect-error the crate spells it g711_law
    encode({ type: 'session.update', session: { input_audio_format: 'g711_ulaw' } });
    // @ts-expect-error voice not in the crate
    encode({ type: 'session.update', session: { voice: 'sage' } });
    // @ts-expect-error required members may not be null
    encode({ type: 'conversation.item.delete', item_id: null });
    // @ts-expect-error content parts need a type
    encode({ type: 'conversation.item.create', item: { content: [{ text: 'hi' }] } });
    // @ts-expect-error tools need a description
    encode({ type: 'session.update', session: { tools: [{ type: 'function', name: 'f', parameters: {} }] } });
    // @ts-expect-error role developer is not in the crate
    encode({ type: 'conversation.item.create', item: { role: 'developer' } });
    // @ts-expect-error a typo'd member is an excess property
    encode({ type: 'response.cancel', event_idd: 'x' });
    // @ts-expect-error arguments are JSON text, not an object
    encode({ type: 'conversation.item.create', item: { type: 'function_call', arguments: { a: 1 } } });
    // @ts-expect-error truncate numbers are numbers
    encode({ type: 'conversation.item.truncate', item_id: 'i', content_index: '0', audio_end_ms: 0 });
  });

  it('canonical events are accepted input (so encode(decode(text)) type-checks)', () => {
    expectTypeOf<ClientEvent>().toMatchTypeOf<ClientEventInput>();
  });
});

describe('results and errors', () => {
  it('discriminate on ok', () => {
    const r = safeDecode('');
    if (r.ok) expectTypeOf(r.event).toEqualTypeOf<ClientEvent>();
    else expectTypeOf(r.error).toEqualTypeOf<ClientEventError>();
    expectTypeOf<ClientEventError['code']>().toEqualTypeOf<
      'syntax' | 'invalid_unicode' | 'too_deep' | 'too_large' | 'unknown_event_type' | 'missing_field' | 'duplicate_field' | 'invalid_type' | 'invalid_value' | 'out_of_range' | 'not_initialized'
    >();
  });
});

describe('server events', () => {
  it('ServerEventOf picks one event by its type', () => {
    expectTypeOf<ServerEventOf<'response.audio.delta'>>().toEqualTypeOf<ResponseAudioDeltaEvent>();
    expectTypeOf<ServerEventOf<'response.audio.delta'>>().toEqualTypeOf<{
      type: 'response.audio.delta';
      event_id: string;
      response_id: string;
      item_id: string;
      output_index: number;
      content_index: number;
      delta: string;
    }>();
    expectTypeOf<ServerEventType>().toEqualTypeOf<(typeof SERVER_EVENT_TYPES)[number]>();
    expectTypeOf<ServerEvent['type']>().toEqualTypeOf<ServerEventType>();
    // The two directions share no type string.
    expectTypeOf<Extract<ServerEventType, ClientEventType>>().toEqualTypeOf<never>();
    // @ts-expect-error a client type is not a server event type
    type NotServer = ServerEventOf<'response.cancel'>;
  });

  it('narrows on decodeServerEvent(...).type', () => {
    const event = decodeServerEvent('{}');
    expectTypeOf(event).toEqualTypeOf<ServerEvent>();
    if (event.type === 'response.audio.delta') {
      expectTypeOf(event).toEqualTypeOf<ResponseAudioDeltaEvent>();
      expectTypeOf(event.delta).toEqualTypeOf<string>();
      expectTypeOf(event.content_index).toEqualTypeOf<number>();
    }
    if (event.type === 'conversation.item.created') expectTypeOf(event.previous_item_id).toEqualTypeOf<string | null>();
    if (event.type === 'input_audio_buffer.committed') expectTypeOf(event.previous_item_id).toEqualTypeOf<string>();
    if (event.type === 'error') expectTypeOf(event.error.code).toEqualTypeOf<string | null>();
    if (event.type === 'response.done') {
      expectTypeOf(event.response.status_details).toEqualTypeOf<ResponseStatusDetail | null>();
      expectTypeOf(event.response.usage).toEqualTypeOf<Usage | null>();
    }
    if (event.type === 'response.content_part.done') expectTypeOf(event.part).toEqualTypeOf<ContentPart>();
    // @ts-expect-error a text delta has no audio
    if (event.type === 'response.text.delta') void event.audio;
    const checked = checkServerEvent('{}');
    if (checked.ok) expectTypeOf(checked.type).toEqualTypeOf<ServerEventType>();
    const r = safeDecodeServerEvent('');
    if (r.ok) expectTypeOf(r.event).toEqualTypeOf<ServerEvent>();
    else expectTypeOf(r.error).toEqualTypeOf<RealtimeCodecError>();
    expectTypeOf<ServerEventError>().toEqualTypeOf<RealtimeCodecError>();
    expectTypeOf<ClientEventError>().toEqualTypeOf<RealtimeCodecError>();
  });

  it('encodeServerEvent takes server events, not client ones (and encode not server ones)', () => {
    expectTypeOf(encodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e' })).toEqualTypeOf<string>();
    // @ts-expect-error a client event is not a server event
    encodeServerEvent({ type: 'response.cancel' });
    // @ts-expect-error a client event is not a server event
    encodeServerEvent({ type: 'session.update', session: {} });
    // @ts-expect-error nor is a client event built as a ClientEventInput
    encodeServerEvent({ type: 'input_audio_buffer.append', audio: 'AAAA' } as ClientEventInput);
    // @ts-expect-error a server event is not a client event
    encode({ type: 'input_audio_buffer.cleared', event_id: 'e' });
    // @ts-expect-error unknown (GA) type
    encodeServerEvent({ type: 'response.output_audio.delta', event_id: 'e' });
    // @ts-expect-error event_id is required on every server event
    encodeServerEvent({ type: 'input_audio_buffer.cleared' });
    // @ts-expect-error the delta is a string
    encodeServerEvent({ type: 'response.audio.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: new Uint8Array(1) });
    const r = safeEncodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e' });
    if (r.ok) expectTypeOf(r.text).toEqualTypeOf<string>();
  });

  it('ServerEventInput accepts null for nullable and optional members, and only there', () => {
    const inputs: ServerEventInput[] = [
      { type: 'error', event_id: 'e', error: { type: 'invalid_request_error', message: 'm', code: null, param: null, event_id: null } },
      { type: 'error', event_id: 'e', error: { type: 'invalid_request_error', message: 'm' } },
      { type: 'conversation.item.created', event_id: 'e', previous_item_id: null, item: { id: null, content: [{ type: 'audio', transcript: null }] } },
      { type: 'conversation.item.input_audio_transcription.completed', event_id: 'e', item_id: 'i', content_index: 0, transcript: 't', logprobs: null },
      { type: 'response.done', event_id: 'e', response: { id: 'r', object: 'realtime.response', status: 'failed', status_details: null, output: [], usage: null } },
      { type: 'response.done', event_id: 'e', response: { id: 'r', object: 'realtime.response', status: 'failed', status_details: { type: 'failed', error: null }, output: [] } },
      { type: 'response.content_part.added', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, part: { type: 'audio', audio: null, transcript: 't' } },
      { type: 'session.created', event_id: 'e', session: { voice: null, turn_detection: null, tools: null, model: null } },
    ];
    void inputs;
    // @ts-expect-error the crate requires previous_item_id on input_audio_buffer.committed (null fails)
    const committed: ServerEventInput = { type: 'input_audio_buffer.committed', event_id: 'e', previous_item_id: null, item_id: 'i' };
    // @ts-expect-error event_id may not be null
    const noId: ServerEventInput = { type: 'input_audio_buffer.cleared', event_id: null };
    // @ts-expect-error FailedError.code is a required string (the service's null fails in the crate)
    const failed: ServerEventInput = { type: 'response.done', event_id: 'e', response: { id: 'r', object: 'o', status: 'failed', status_details: { type: 'failed', error: { code: null, message: 'm' } }, output: [] } };
    // @ts-expect-error the voice is a closed list (sage is not in the crate)
    const sage: ServerEventInput = { type: 'session.updated', event_id: 'e', session: { voice: 'sage' } };
    void [committed, noId, failed, sage];
  });

  it('canonical server events are accepted input (so encodeServerEvent(decodeServerEvent(text)) type-checks)', () => {
    expectTypeOf<ServerEvent>().toMatchTypeOf<ServerEventInput>();
    encodeServerEvent(decodeServerEvent('{}'));
  });
});

// The GA entry (realtime-codec/ga): its own names and aliases, the same functions over GA types.
import type {
  ClientEvent as GaClientEvent,
  ClientEventInput as GaClientEventInput,
  ClientEventType as GaClientEventType,
  EventOf as GaEventOf,
  RealtimeClientEventConversationItemRetrieve,
  RealtimeConversationItem,
  RealtimeServerEventResponseAudioDelta,
  ServerEvent as GaServerEvent,
  ServerEventInput as GaServerEventInput,
  ServerEventOf as GaServerEventOf,
} from '../dist/ga/node.mjs';
import * as ga from '../dist/ga/node.mjs';

describe('GA types (realtime-codec/ga)', () => {
  it('has 11 client event variants and the crate names as aliases', () => {
    expectTypeOf<GaClientEvent['type']>().toEqualTypeOf<GaClientEventType>();
    expectTypeOf<GaClientEventType>().toEqualTypeOf<(typeof ga.EVENT_TYPES)[number]>();
    expectTypeOf<GaClientEventType>().toEqualTypeOf<
      | 'session.update'
      | 'input_audio_buffer.append'
      | 'input_audio_buffer.commit'
      | 'input_audio_buffer.clear'
      | 'conversation.item.create'
      | 'conversation.item.retrieve'
      | 'conversation.item.truncate'
      | 'conversation.item.delete'
      | 'response.create'
      | 'response.cancel'
      | 'output_audio_buffer.clear'
    >();
    expectTypeOf<typeof ga.EVENT_TYPES>().toHaveProperty('length').toEqualTypeOf<11>();
    expectTypeOf<GaClientEvent>().toEqualTypeOf<ga.RealtimeClientEvent>();
    expectTypeOf<GaServerEvent>().toEqualTypeOf<ga.RealtimeServerEvent>();
  });

  it('EventOf and ServerEventOf pick one variant', () => {
    expectTypeOf<GaEventOf<'conversation.item.retrieve'>>().toEqualTypeOf<RealtimeClientEventConversationItemRetrieve>();
    expectTypeOf<GaServerEventOf<'response.output_audio.delta'>>().toEqualTypeOf<RealtimeServerEventResponseAudioDelta>();
    // @ts-expect-error a beta-only server type is no GA type
    type NoBeta = GaServerEventOf<'response.audio.delta'>;
  });

  it('narrows on decodeServerEvent(...).type, message items on type then role', () => {
    const event = ga.decodeServerEvent('{}');
    if (event.type === 'response.output_audio.delta') {
      expectTypeOf(event.delta).toEqualTypeOf<string>();
      expectTypeOf(event.content_index).toEqualTypeOf<number>();
    }
    if (event.type === 'conversation.item.added') {
      expectTypeOf(event.previous_item_id).toEqualTypeOf<string | null>();
      const item: RealtimeConversationItem = event.item;
      if (item.type === 'message' && item.role === 'assistant') expectTypeOf(item.content[0]!.type).toEqualTypeOf<'output_text' | 'output_audio'>();
      if (item.type === 'function_call') expectTypeOf(item.arguments).toEqualTypeOf<string>();
    }
    if (event.type === 'rate_limits.updated') expectTypeOf(event.rate_limits[0]!.name).toEqualTypeOf<'requests' | 'tokens'>();
    const client = ga.decode('{}');
    if (client.type === 'conversation.item.retrieve') expectTypeOf(client.item_id).toEqualTypeOf<string>();
  });

  it('encode refuses beta-only events, and beta encode refuses GA-only ones', () => {
    ga.encode({ type: 'session.update', session: { type: 'realtime', instructions: 'x' } });
    ga.encode({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] } });
    ga.encodeServerEvent({ type: 'response.output_audio.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'A' });
    // @ts-expect-error beta's session.update has no session.type; GA requires it
    ga.encode({ type: 'session.update', session: { instructions: 'x' } });
    // @ts-expect-error beta's session members (voice at the top of the session) are not GA's
    ga.encode({ type: 'session.update', session: { type: 'realtime', voice: 'alloy' } });
    // @ts-expect-error a message item needs its role (the inner tag)
    ga.encode({ type: 'conversation.item.create', item: { type: 'message', content: [] } });
    // @ts-expect-error response.audio.delta is beta's name for response.output_audio.delta
    ga.encodeServerEvent({ type: 'response.audio.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'A' });
    // @ts-expect-error output_audio_buffer.clear is a GA client event only
    encode({ type: 'output_audio_buffer.clear' });
  });

  it('ClientEventInput and ServerEventInput accept null where the crate reads null as unset', () => {
    const inputs: GaClientEventInput[] = [
      { type: 'response.cancel', event_id: null, response_id: null },
      { type: 'response.create', event_id: null },
      { type: 'response.create', response: null },
      { type: 'conversation.item.create', previous_item_id: null, item: { type: 'message', role: 'system', content: [{ type: 'input_text', text: 't' }], id: null, object: null, status: null } },
      { type: 'session.update', event_id: null, session: { type: 'realtime', instructions: null, tools: null } },
    ];
    const server: GaServerEventInput[] = [
      { type: 'error', event_id: 'e', error: { type: 'invalid_request_error', message: 'm', code: null, param: null, event_id: null } },
      { type: 'error', event_id: 'e', error: { type: 'invalid_request_error', message: 'm' } },
      { type: 'conversation.item.input_audio_transcription.delta', event_id: 'e', item_id: 'i', content_index: 0, delta: 'd', logprobs: null },
      { type: 'conversation.item.input_audio_transcription.delta', event_id: 'e', item_id: 'i', content_index: 0, delta: 'd' },
      { type: 'conversation.item.added', event_id: 'e', previous_item_id: null, item: { type: 'function_call', name: 'f', call_id: 'c', arguments: '{}', status: 'completed' } },
    ];
    void [inputs, server];
    // @ts-expect-error a required member may not be null
    const noItem: GaClientEventInput = { type: 'conversation.item.retrieve', item_id: null };
    // @ts-expect-error a server event's event_id is required and not nullable
    const noId: GaServerEventInput = { type: 'input_audio_buffer.cleared', event_id: null };
    void [noItem, noId];
  });

  it("a session's audio: the crate's AudioInput is its own type (not merged with Audio's input form)", () => {
    expectTypeOf<keyof ga.AudioInput>().toEqualTypeOf<'format' | 'noise_reduction' | 'transcription' | 'turn_detection'>();
    ga.encode({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: {
          input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, create_response: true, interrupt_response: true, idle_timeout_ms: null } },
          output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
        },
      },
    });
  });

  it('canonical GA events are accepted input', () => {
    expectTypeOf<GaClientEvent>().toMatchTypeOf<GaClientEventInput>();
    expectTypeOf<GaServerEvent>().toMatchTypeOf<GaServerEventInput>();
    ga.encode(ga.decode('{}'));
    ga.encodeServerEvent(ga.decodeServerEvent('{}'));
  });
});
