#!/usr/bin/env node
// `npm run playground`: serves the playground on http://127.0.0.1:5173/playground/ (PORT to
// change it). It uses the package's browser entry from dist/: run scripts/build-all.sh first.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../test/support/static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/browser.mjs'))) {
  console.error('dist/browser.mjs is missing: run `bash scripts/build-all.sh` (or scripts/test.sh) first');
  process.exit(1);
}
const { url } = await serve(root, Number(process.env.PORT ?? 5173));
console.log(`realtime-codec playground: ${url}/playground/  (Ctrl-C to stop)`);
