// Real-browser test harness: a static file server on 127.0.0.1 over the repository (dist/, test/,
// playground/) and Debian's Chromium driven by playwright-core. No browser is downloaded:
// CHROMIUM_PATH or /usr/bin/chromium (`bash scripts/setup.sh test` installs Debian's package).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { root } from '../helpers.js';
import { serve as serveFiles } from '../support/static-server.mjs';

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
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run "bash scripts/setup.sh test" or set CHROMIUM_PATH`);
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

/**
 * Serves the repository and launches Chromium around the enclosing suite. `codecPage()` opens
 * test/browser/codec.html (the browser build, not yet initialised), or another page of
 * test/browser/ (csp.html), and waits until it is ready.
 */
export function useChromium() {
  let server: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async codecPage(file = 'codec.html'): Promise<Page> {
      if (!server || !browser) throw new Error('useChromium: the suite has not started');
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.url}/test/browser/${file}`);
      await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
      expect(problems).toEqual([]);
      return page;
    },
  };
}
