// CommonJS types (nodenext resolves `require` to dist/node.d.cts), the root and the beta subpath.
import codec = require('realtime-codec');
import beta = require('realtime-codec/beta');

const text: string = codec.encode({ type: 'input_audio_buffer.commit' });
const result: codec.CheckResult = codec.check(text);
const server: beta.ServerCheckResult = beta.checkServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e"}');
const same: typeof codec = beta;
const sameBack: typeof beta = codec;
void [server, same, sameBack];
export = result;

// The GA entry from CommonJS (dist/ga/node.d.cts).
import ga = require('realtime-codec/ga');
const gaResult: ga.ServerCheckResult = ga.checkServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e"}');
const gaEvent: ga.ClientEventInput = { type: 'output_audio_buffer.clear' };
void [gaResult, ga.encode(gaEvent)];
