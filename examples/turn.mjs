// One spoken turn with a tool call over a Realtime (beta) WebSocket, through the codec: the code
// that examples/node-client.mjs (Node, the `ws` package) and the browser page
// (test/browser/socket-worker.js, a module worker) share. It uses only the standard WebSocket API
// (addEventListener, send, close) and the codec passed in, so it runs in both.
//
// What it does: waits for session.created, sends session.update (manual turns: no server VAD),
// the audio as input_audio_buffer.append events (encodeAudioAppend, 100 ms each), a commit and a
// response.create. When a response ends with a function call, it sends the tool's output
// (conversation.item.create) and another response.create. It ends once a response ends
// without a function call. Every server event is decoded with decodeServerEvent; an event the
// crate refuses is counted and reported (code, path), never dropped silently.

/** 100 ms of PCM16 at 24 kHz mono. */
export const CHUNK_BYTES = 4800;

/** The tool this session offers, as the log (examples/beta-session.jsonl) has it. */
const WEATHER_TOOL = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } }, required: ['city'] },
};

/** A stand-in for the real tool. */
function getWeather(args) {
  return { city: args.city ?? '?', temp_c: 3, sky: 'overcast', wind_ms: 4.2 };
}

/**
 * Runs one turn over `socket` (already created; open or opening).
 * @param {object} codec the package's exports: decodeServerEvent, encode, encodeAudioAppend, isRealtimeCodecError
 * @param {WebSocket} socket
 * @param {Uint8Array} pcm PCM16 little-endian, 24 kHz mono
 * @param {object} [hooks] onEvent(event, text) for every decoded event; onInvalid(error, text);
 *   onSummary(line) once per response; onSend(type); lingerMs: how long to keep listening after the
 *   last response ends, for the events the service sends after it (rate_limits.updated), before
 *   closing (default 250)
 * @returns {Promise<{ received: number, decoded: number, invalid: { code: string, path: string, type: string }[], sent: Record<string, number>, responses: object[], summaries: string[] }>}
 */
export function runTurn(codec, socket, pcm, hooks = {}) {
  const stats = { received: 0, decoded: 0, invalid: [], sent: {}, responses: [], summaries: [] };
  const send = (text) => {
    const type = /^\{"type":"([^"]*)"/.exec(text)?.[1] ?? '?';
    stats.sent[type] = (stats.sent[type] ?? 0) + 1;
    hooks.onSend?.(type);
    socket.send(text);
  };
  /** @type {Map<string, { id: string, events: number, audioBytes: number, transcript: string, calls: { name: string, call_id: string, arguments: string }[] }>} */
  const open = new Map();

  const speak = () => {
    // encode() validates through the crate and writes its canonical text: what goes on the wire is
    // exactly what a Rust client on the crate would send.
    send(codec.encode({ type: 'session.update', event_id: 'client_evt_1', session: {
      modalities: ['text', 'audio'],
      instructions: 'You are a helpful, concise voice assistant.',
      voice: 'alloy',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      input_audio_transcription: { model: 'whisper-1' },
      tools: [WEATHER_TOOL],
      tool_choice: 'auto',
    } }));
    for (let at = 0; at < pcm.byteLength; at += CHUNK_BYTES) {
      send(codec.encodeAudioAppend(pcm.subarray(at, Math.min(at + CHUNK_BYTES, pcm.byteLength))));
    }
    send(codec.encode({ type: 'input_audio_buffer.commit' }));
    send(codec.encode({ type: 'response.create' }));
  };

  const summarize = (response, tracked) => {
    const usage = response.usage ? `, ${response.usage.input_tokens ?? '?'} in / ${response.usage.output_tokens ?? '?'} out tokens` : '';
    const what = tracked.calls.length
      ? tracked.calls.map((c) => `function_call ${c.name}(${c.arguments})`).join(', ')
      : `${(tracked.audioBytes / 48000).toFixed(2)} s audio, transcript ${JSON.stringify(tracked.transcript)}`;
    return `response ${response.id} ${response.status}: ${tracked.events} events, ${what}${usage}`;
  };

  return new Promise((resolve, reject) => {
    let finished = false;
    let done = false;
    const finish = (error) => {
      if (finished) return;
      finished = true;
      if (error) reject(error);
      else resolve(stats);
    };
    socket.addEventListener('message', (message) => {
      stats.received++;
      const text = message.data;
      if (typeof text !== 'string') {
        stats.invalid.push({ code: 'binary_frame', path: '', type: '?' });
        return;
      }
      let event;
      try {
        event = codec.decodeServerEvent(text);
      } catch (error) {
        if (!codec.isRealtimeCodecError(error)) return finish(error);
        const type = /"type"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? '?';
        stats.invalid.push({ code: error.code, path: error.path, type });
        hooks.onInvalid?.(error, text);
        return;
      }
      stats.decoded++;
      hooks.onEvent?.(event, text);
      const rid = event.response_id ?? (event.type.startsWith('response.') && event.response ? event.response.id : undefined);
      if (event.type === 'response.created') open.set(event.response.id, { id: event.response.id, events: 0, audioBytes: 0, transcript: '', calls: [] });
      const tracked = rid !== undefined ? open.get(rid) : undefined;
      if (tracked) tracked.events++;
      switch (event.type) {
        case 'session.created':
          speak();
          break;
        case 'response.audio.delta':
          if (tracked) tracked.audioBytes += Math.floor((event.delta.replace(/=+$/, '').length * 3) / 4);
          break;
        case 'response.audio_transcript.delta':
          if (tracked) tracked.transcript += event.delta;
          break;
        case 'response.function_call_arguments.done':
          if (tracked) tracked.calls.push({ name: '', call_id: event.call_id, arguments: event.arguments });
          break;
        case 'response.done': {
          const t = tracked ?? { events: 1, audioBytes: 0, transcript: '', calls: [] };
          for (const item of event.response.output ?? []) {
            if (item.type === 'function_call') {
              const call = t.calls.find((c) => c.call_id === item.call_id);
              if (call) call.name = item.name ?? '';
              else t.calls.push({ name: item.name ?? '', call_id: item.call_id ?? '', arguments: item.arguments ?? '' });
            }
          }
          const line = summarize(event.response, t);
          stats.responses.push({ id: event.response.id, status: event.response.status, events: t.events, calls: t.calls.length, audioBytes: t.audioBytes, transcript: t.transcript });
          stats.summaries.push(line);
          hooks.onSummary?.(line);
          open.delete(event.response.id);
          if (t.calls.length === 0) {
            // Closing at once would lose what the service sends after response.done (a browser
            // drops messages once close() is called): listen a little longer, then close.
            done = true;
            setTimeout(() => socket.close(1000, 'turn done'), hooks.lingerMs ?? 250);
            break;
          }
          for (const call of t.calls) {
            let args = {};
            try {
              args = JSON.parse(call.arguments);
            } catch {}
            send(codec.encode({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: call.call_id, output: JSON.stringify(getWeather(args)) } }));
          }
          send(codec.encode({ type: 'response.create' }));
          break;
        }
      }
    });
    socket.addEventListener('close', (e) => {
      if (done) finish();
      else if (!finished) finish(new Error(`socket closed (${e.code}${e.reason ? ` ${e.reason}` : ''}) before the turn ended`));
    });
    socket.addEventListener('error', () => finish(new Error('socket error')));
  });
}
