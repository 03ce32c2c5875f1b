// docs/drift.md must be what `npm run drift` writes today: the official SDKs (pinned), this
// package's types and the corpus, compared afresh. Installs the pinned SDKs on first run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drift } from '../scripts/drift.mjs';
import { root } from './helpers.js';

describe('drift report', () => {
  it('docs/drift.md is up to date (regenerate with `npm run drift`)', async () => {
    const fresh = await drift();
    const recorded = readFileSync(join(root, 'docs/drift.md'), 'utf8');
    expect(fresh === recorded, 'docs/drift.md is stale: run `npm run drift`').toBe(true);
    expect(recorded).toContain('| `conversation.item.retrieve` | — | yes | yes | unknown to the crate: `unknown_event_type` |');
  }, 300_000);
});
