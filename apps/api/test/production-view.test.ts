import { createHash } from 'node:crypto';
import { type AssetRef, type Production, type ProjectView, SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { planProject, productionView, providerLookup } from '@ministudio/pipeline';
import { createProviderRegistry } from '@ministudio/providers';
import { describe, expect, it } from 'vitest';
import { json, pngBytes, useStudio } from './helpers';

// productionView (packages/pipeline) is what the renderer bench and the pipeline's sample render tests plan
// from, without a database. It must be what the studio itself sees once it has imported the same file.
const studio = useStudio();
const lookup = providerLookup(createProviderRegistry({ env: {}, dataDir: null, fetch: null }));

async function imported(production: Production): Promise<ProjectView> {
  const created = await studio.app.inject({
    method: 'POST',
    url: '/api/projects/import',
    payload: production,
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = json<{ id: string }>(created);
  return json<ProjectView>(await studio.app.inject({ method: 'GET', url: `/api/projects/${id}` }));
}

/** An image as the production knows it; the studio adds its own id, url and decoded size. */
const file = (ref: AssetRef) => ({ sha256: ref.sha256, mime: ref.mime, name: ref.name, bytes: ref.bytes });

/** The view with its ids (made up by whoever built it) replaced by the keys they stand for. */
function byKeys(view: ProjectView) {
  const environmentKeys = new Map(view.environments.map((e) => [e.id, e.key]));
  return {
    ...view,
    id: null,
    createdAt: null,
    updatedAt: null,
    characters: view.characters.map((c) => ({ ...c, id: c.key, references: c.references.map(file) })),
    environments: view.environments.map((e) => ({
      ...e,
      id: e.key,
      references: e.references.map(file),
      plate: e.plate ? file(e.plate) : null,
    })),
    scenes: view.scenes.map((s) => ({
      ...s,
      id: s.key,
      environmentId: s.environmentId ? environmentKeys.get(s.environmentId) : null,
      shots: s.shots.map((shot) => ({ ...shot, id: shot.key, sceneId: s.key })),
    })),
  };
}

/** Every shot's plan, with the asset ids of its images (store ids) written as "<sha256>". */
function plans(view: ProjectView) {
  const ids = new Map(
    [...view.characters, ...view.environments].flatMap((owner) =>
      [...owner.references, ...('plate' in owner && owner.plate ? [owner.plate] : [])].map((r) => [
        r.id,
        `<${r.sha256}>`,
      ]),
    ),
  );
  return [...planProject(view, lookup).values()].map(({ shot, scene, ...plan }) => ({
    shot: shot.key,
    scene: scene.key,
    ...JSON.parse(JSON.stringify(plan), (key, value) => (key === 'assetId' ? ids.get(value) : value)),
  }));
}

describe('productionView against a real import', () => {
  it.each(SAMPLE_PRODUCTIONS.map((p) => [p.project.title, p] as const))(
    '%s: the same view and the same plans, input hashes included',
    async (_title, production) => {
      const view = await imported(production);
      expect(byKeys(productionView(production))).toEqual(byKeys(view));
      expect(plans(productionView(production))).toEqual(plans(view));
    },
  );

  it('carries images the same way (a plate and a character reference)', async () => {
    const production = structuredClone(SAMPLE_PRODUCTIONS[0]!) as Production;
    const png = pngBytes(16, 9, '#c03020');
    const sha = createHash('sha256').update(png).digest('hex');
    production.assets[sha] = { mime: 'image/png', name: 'set.png', data: png.toString('base64') };
    production.environments[0]!.plate = sha;
    production.characters[0]!.referenceImages = [sha];
    const view = await imported(production);
    expect(view.environments[0]!.plate).toMatchObject({ sha256: sha, width: 16, height: 9 });
    expect(byKeys(productionView(production))).toEqual(byKeys(view));
    // The input hash covers the store's asset ids, so only the rest of each plan can agree.
    const withoutHash = (v: ProjectView) => plans(v).map(({ inputHash: _, ...plan }) => plan);
    const planned = withoutHash(view);
    expect(planned.some((p) => p.picture.references.length > 0)).toBe(true);
    expect(withoutHash(productionView(production))).toEqual(planned);
  });
});
