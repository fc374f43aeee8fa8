import { randomUUID } from 'node:crypto';
import { writeJson } from '@ministudio/api/src/lib/json-column';
import { inspectImage } from '@ministudio/api/src/services/images';
import {
  characterRow,
  environmentRow,
  importProduction,
  referenceRows,
  sceneRow,
  shotRow,
} from '@ministudio/api/src/services/production-io';
import type { AssetStore, Db } from '@ministudio/db';
import type { Production } from '@ministudio/domain';

// The command line keeps one project per production in its data folder and brings it up to date with
// the file on every run, matching characters, environments, scenes and shots by key. Shots keep their
// database ids (and so their takes), which is what lets the render service reuse every take whose
// inputs did not change, exactly as it does after an edit in the studio. A new production is created
// with the studio's own importProduction.

/** Creates the project (first run) or updates it in place to match `doc`; returns its id. */
export async function syncProduction(
  db: Db,
  store: AssetStore,
  projectId: string | null,
  doc: Production,
): Promise<string> {
  if (!projectId || !(await db.project.count({ where: { id: projectId } }))) {
    return importProduction(db, store, doc);
  }
  const assetIds = await ensureAssets(db, store, projectId, doc);
  const assetId = (sha: string) => assetIds.get(sha)!;
  await db.$transaction(async (tx) => {
    // Every setting by its own name (the columns are named as the production's fields), so a setting
    // added to the format is carried without a change here; the voice is a JSON column.
    const { narrationVoice, ...settings } = doc.project;
    await tx.project.update({
      where: { id: projectId },
      data: {
        ...settings,
        narrationVoice: writeJson(narrationVoice),
        // An editor open on this project sees a newer version and reloads instead of overwriting.
        version: { increment: 1 },
      },
    });

    const characters = new Map(
      (await tx.character.findMany({ where: { projectId } })).map((row) => [row.key, row.id]),
    );
    for (const [position, c] of doc.characters.entries()) {
      const data = characterRow(c, position);
      const references = referenceRows(c.referenceImages, assetId);
      const id = characters.get(c.key);
      if (id) {
        await tx.character.update({
          where: { id },
          data: { ...data, references: { deleteMany: {}, create: references } },
        });
        characters.delete(c.key);
      } else {
        await tx.character.create({
          data: { id: randomUUID(), projectId, key: c.key, ...data, references: { create: references } },
        });
      }
    }
    await tx.character.deleteMany({ where: { id: { in: [...characters.values()] } } });

    const environments = new Map(
      (await tx.environment.findMany({ where: { projectId } })).map((row) => [row.key, row.id]),
    );
    const environmentIds = new Map<string, string>();
    for (const [position, e] of doc.environments.entries()) {
      const data = environmentRow(e, position, assetId);
      const references = referenceRows(e.referenceImages, assetId);
      const id = environments.get(e.key) ?? randomUUID();
      if (environments.has(e.key)) {
        await tx.environment.update({
          where: { id },
          data: { ...data, references: { deleteMany: {}, create: references } },
        });
        environments.delete(e.key);
      } else {
        await tx.environment.create({
          data: { id, projectId, key: e.key, ...data, references: { create: references } },
        });
      }
      environmentIds.set(e.key, id);
    }
    await tx.environment.deleteMany({ where: { id: { in: [...environments.values()] } } });

    const scenes = new Map(
      (await tx.scene.findMany({ where: { projectId } })).map((row) => [row.key, row.id]),
    );
    const shots = new Map(
      (await tx.shot.findMany({ where: { scene: { projectId } }, select: { id: true, key: true } })).map(
        (row) => [row.key, row.id],
      ),
    );
    for (const [position, s] of doc.scenes.entries()) {
      const data = sceneRow(s, position, environmentIds);
      const sceneId = scenes.get(s.key) ?? randomUUID();
      if (scenes.has(s.key)) {
        await tx.scene.update({ where: { id: sceneId }, data });
        scenes.delete(s.key);
      } else {
        await tx.scene.create({ data: { id: sceneId, projectId, key: s.key, ...data } });
      }
      // Shot keys are unique across the production: a shot moved to another scene keeps its takes.
      for (const [shotPosition, shot] of s.shots.entries()) {
        const fields = shotRow(shot, sceneId, shotPosition);
        const id = shots.get(shot.key);
        if (id) {
          await tx.shot.update({ where: { id }, data: fields });
          shots.delete(shot.key);
        } else {
          await tx.shot.create({ data: { id: randomUUID(), key: shot.key, ...fields } });
        }
      }
    }
    // Shots no longer in the file go with their takes; then the scenes left empty by the moves above.
    await tx.shot.deleteMany({ where: { id: { in: [...shots.values()] } } });
    await tx.scene.deleteMany({ where: { id: { in: [...scenes.values()] } } });
  });
  return projectId;
}

/** The production's images as asset rows of the project (an image already there keeps its id). */
async function ensureAssets(
  db: Db,
  store: AssetStore,
  projectId: string,
  doc: Production,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [sha, asset] of Object.entries(doc.assets)) {
    const existing = await db.asset.findFirst({ where: { projectId, sha256: sha, kind: 'image' } });
    if (existing) {
      ids.set(sha, existing.id);
      continue;
    }
    const bytes = Buffer.from(asset.data, 'base64');
    const image = await inspectImage(bytes).catch(() => {
      throw new Error(`/assets/${sha}: not a readable PNG, JPEG, WebP or GIF image`);
    });
    const stored = await store.put(bytes);
    if (stored.sha256 !== sha) throw new Error(`/assets/${sha}: the data does not match its sha256`);
    const id = randomUUID();
    await db.asset.create({
      data: {
        id,
        projectId,
        kind: 'image',
        mime: image.mime,
        bytes: stored.bytes,
        sha256: sha,
        width: image.width,
        height: image.height,
        originalName: asset.name,
      },
    });
    ids.set(sha, id);
  }
  return ids;
}
