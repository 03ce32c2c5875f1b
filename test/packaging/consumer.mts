// Type-checked against the shipped .d.ts (nodenext: the "node" + "import" types; bundler: "default").
import { decode, encode, init, ClientEventError, type ClientEvent, type ClientEventInput } from 'realtime-codec';
import { decodeServerEvent, encodeServerEvent, type ServerEvent, type ServerEventOf } from 'realtime-codec';
import * as root from 'realtime-codec';
import * as beta from 'realtime-codec/beta';

const input: ClientEventInput = { type: 'response.create', response: null };
const text: string = encode(input);
const event: ClientEvent = decode(text);
if (event.type === 'response.create') {
  const response: ClientEvent extends never ? never : typeof event.response = event.response;
  void response;
}
void init();
export const failure: ClientEventError | undefined = undefined;
// @ts-expect-error the crate has no such voice
encode({ type: 'session.update', session: { voice: 'sage' } });

// Server events, and the beta subpath: the same module as the root, types included.
const received: ServerEvent = decodeServerEvent('{}');
if (received.type === 'response.audio.delta') {
  const delta: ServerEventOf<'response.audio.delta'> = received;
  const audio: string = delta.delta;
  void audio;
}
const sent: string = beta.encodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e' });
void sent;
// @ts-expect-error a client event is not a server event
encodeServerEvent({ type: 'response.cancel' });
export const sameFromBeta: typeof root = beta;
export const sameFromRoot: typeof beta = root;

// The GA entry: its own types, by the same common names.
import * as ga from 'realtime-codec/ga';
import type { ClientEventInput as GaInput, ServerEventOf as GaServerEventOf } from 'realtime-codec/ga';
const gaInput: GaInput = { type: 'session.update', session: { type: 'realtime', instructions: 'x' } };
const gaText: string = ga.encode(gaInput);
const gaReceived = ga.decodeServerEvent(gaText);
if (gaReceived.type === 'response.output_audio.delta') {
  const delta: GaServerEventOf<'response.output_audio.delta'> = gaReceived;
  void delta.delta;
}
void ga.init();
// @ts-expect-error a GA session names its type
ga.encode({ type: 'session.update', session: {} });
// @ts-expect-error response.audio.delta is a beta name
ga.encodeServerEvent({ type: 'response.audio.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'A' });
