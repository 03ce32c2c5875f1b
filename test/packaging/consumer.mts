// Type-checked against the shipped .d.ts (nodenext: the "node" + "import" types; bundler: "default").
import { decode, encode, init, ClientEventError, type ClientEvent, type ClientEventInput } from 'realtime-codec';

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
