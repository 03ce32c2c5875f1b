// The playground: the package's own browser entry (dist/browser.mjs), validating as you type.
import { init, canonicalize, ClientEventError } from '../dist/browser.mjs';

const $ = (id) => document.getElementById(id);
const input = $('input');
const examples = $('examples');

/** Examples: the bundled example files, one entry per event. */
async function loadExamples() {
  const list = [];
  const session = await (await fetch('../examples/session.json')).text();
  list.push({ label: 'valid: session.update (session.json)', text: session.trim() });
  for (const [file, kind] of [['conversation.jsonl', 'valid'], ['invalid.jsonl', 'invalid']]) {
    const lines = (await (await fetch(`../examples/${file}`)).text()).split('\n').filter((l) => l.trim());
    for (const [index, line] of lines.entries()) {
      let label = line;
      try {
        label = JSON.parse(line).type ?? line;
      } catch {
        label = 'malformed JSON';
      }
      list.push({ label: `${kind}: ${label} (${file}:${index + 1})`, text: pretty(line) });
    }
  }
  list.forEach((example, i) => examples.add(new Option(example.label, String(i))));
  return list;
}

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const escape = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** The UTF-16 offset of a 1-based line and UTF-8 byte column (serde_json's convention). */
function offsetOf(text, line, column) {
  let start = 0;
  for (let l = 1; l < line; l += 1) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end < 0 ? text.length : end);
  const encoder = new TextEncoder();
  let bytes = 0;
  let i = 0;
  for (const ch of lineText) {
    if (bytes >= column - 1) break;
    bytes += encoder.encode(ch).length;
    i += ch.length;
  }
  return start + i;
}

/** The extent of the JSON value starting at `at` (a string, number, literal, or bracketed). */
function valueEnd(text, at) {
  const open = text[at];
  if (open === '"') {
    for (let i = at + 1; i < text.length; i += 1) {
      if (text[i] === '\\') i += 1;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  }
  if (open === '{' || open === '[') {
    let depth = 0;
    let inString = false;
    for (let i = at; i < text.length; i += 1) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i += 1;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth += 1;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
    }
    return text.length;
  }
  const m = /^[^\s,\]}]+/.exec(text.slice(at));
  return at + Math.max(1, m ? m[0].length : 1);
}

function showPath(path) {
  const segments = path === '' ? [] : path.split('/').slice(1);
  if (segments.length === 0) return '<span class="seg hit">(the whole event)</span>';
  return segments.map((s, i) => `<span class="seg${i === segments.length - 1 ? ' hit' : ''}">/${escape(s)}</span>`).join('');
}

function render() {
  const text = input.value;
  const status = $('status');
  if (text.trim() === '') {
    status.className = 'wait';
    status.textContent = 'Type or pick an event.';
    $('valid').hidden = true;
    $('invalid').hidden = true;
    return;
  }
  try {
    const canonical = canonicalize(text);
    status.className = 'ok';
    status.textContent = `✓ valid ${JSON.parse(canonical).type}`;
    $('canonical').textContent = pretty(canonical);
    $('valid').hidden = false;
    $('invalid').hidden = true;
  } catch (error) {
    if (!(error instanceof ClientEventError)) throw error;
    status.className = 'bad';
    status.textContent = `✗ ${error.code}: ${error.reason}`;
    $('code').textContent = error.code;
    $('path').innerHTML = showPath(error.path);
    $('position').textContent = error.line > 0 ? `line ${error.line}, column ${error.column}` : '—';
    $('reason').textContent = error.reason;
    $('expected').textContent = error.expectedValues?.join(', ') ?? error.expected ?? '—';
    let located = escape(text);
    if (error.line > 0) {
      const at = Math.min(offsetOf(text, error.line, error.column), text.length);
      const end = Math.min(valueEnd(text, at), text.length);
      const hit = text.slice(at, end) || ' ';
      located = `${escape(text.slice(0, at))}<mark id="hit">${escape(hit)}</mark>${escape(text.slice(end))}`;
    }
    $('located').innerHTML = located;
    $('valid').hidden = true;
    $('invalid').hidden = false;
  }
}

async function main() {
  const started = performance.now();
  await init();
  document.body.dataset.initMs = String(Math.round(performance.now() - started));
  const list = await loadExamples();
  examples.addEventListener('change', () => {
    const example = list[Number(examples.value)];
    if (example) {
      input.value = example.text;
      render();
    }
  });
  $('format').addEventListener('click', () => {
    input.value = pretty(input.value);
    render();
  });
  input.addEventListener('input', render);
  input.value = list[0].text;
  render();
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  $('status').className = 'bad';
  $('status').textContent = `could not start: ${error.message}`;
});
