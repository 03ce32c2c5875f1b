// The playground page, clicked through in Chromium; a screenshot is saved to target/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, serve } from './browser/harness.js';
import { root } from './helpers.js';

describe('playground', () => {
  it('validates live, shows canonical JSON, and highlights the offending path', async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/playground/`);
      await page.waitForSelector('body[data-ready="true"]');
      // The first example (session.update) is valid.
      expect(await page.textContent('#status')).toBe('✓ valid session.update');
      expect(await page.textContent('#canonical')).toContain('"max_response_output_tokens": "inf"');

      // Pick the invalid voice example.
      const options = await page.$$eval('#examples option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
      expect(options.length).toBeGreaterThan(15);
      const sage = options.find(([, label]) => label === 'invalid: session.update (invalid.jsonl:1)');
      expect(sage).toBeDefined();
      await page.selectOption('#examples', sage![0]!);
      expect(await page.textContent('#status')).toContain('✗ invalid_value: unknown variant `sage`');
      expect(await page.textContent('#path .hit')).toBe('/voice');
      expect(await page.textContent('#hit')).toBe('"sage"');

      // Type a fix: valid again, live.
      const text = await page.inputValue('#input');
      await page.fill('#input', text.replace('"sage"', '"verse"'));
      expect(await page.textContent('#status')).toBe('✓ valid session.update');

      // A missing field points at the member that is missing, and marks the object lacking it.
      await page.fill('#input', '{\n  "type": "conversation.item.truncate",\n  "item_id": "item_1",\n  "audio_end_ms": 10\n}');
      expect(await page.textContent('#code')).toBe('missing_field');
      expect(await page.textContent('#path')).toBe('/content_index');
      expect(await page.textContent('#position')).toBe('line 1, column 1');

      // Put the invalid example back for the screenshot.
      await page.selectOption('#examples', sage![0]!);
      const dir = join(root, 'target/screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'playground.png'), fullPage: true });
      console.log(`playground screenshot: target/screenshots/playground.png (init ${await page.getAttribute('body', 'data-init-ms')} ms)`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
