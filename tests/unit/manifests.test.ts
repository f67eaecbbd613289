// The committed manifests (models/manifests) match the committed files: rerun
// `node models/make_manifests.mjs` after changing a model.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script
import { MODELS, manifestFor } from '../../models/make_manifests.mjs';
import { existsSync } from 'node:fs';
import { parseManifest } from '../../web/packages/tandem/src/manifest.js';

describe('models/manifests', () => {
  const path = (id: string) => join(__dirname, '../../models/manifests', `${id}.json`);
  // A model made by training (the collaboration pair) is checked once its manifest is written.
  const models = MODELS.filter((m: { id: string; trained?: boolean }) => !m.trained || existsSync(path(m.id)));
  it.each(models.map((m: { id: string }) => [m.id, m]))('%s is current and valid', (id, m) => {
    const path = join(__dirname, '../../models/manifests', `${id}.json`);
    const committed = JSON.parse(readFileSync(path, 'utf8'));
    expect(committed).toEqual(manifestFor(m));
    expect(() => parseManifest(committed, 'http://127.0.0.1/models/manifests/x.json')).not.toThrow();
  });
});
