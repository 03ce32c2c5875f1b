// Real-browser test harness: a static file server on 127.0.0.1 over the repository (dist/, test/,
// playground/) and Debian's Chromium driven by playwright-core. No browser is downloaded:
// CHROMIUM_PATH or /usr/bin/chromium (scripts/setup.sh installs Debian's package).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { root } from '../helpers.js';
import { serve as serveFiles } from '../../scripts/static-server.mjs';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves `base` (default: the repository root) on an ephemeral loopback port. */
export function serve(base = root): Promise<Served> {
  return serveFiles(base);
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run scripts/setup.sh or set CHROMIUM_PATH`);
  return path;
}

/** Headless Debian Chromium, with the flags this machine's closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
