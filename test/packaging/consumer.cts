// CommonJS types (nodenext resolves `require` to dist/node.d.cts).
import codec = require('realtime-codec');

const text: string = codec.encode({ type: 'input_audio_buffer.commit' });
const result: codec.CheckResult = codec.check(text);
export = result;
