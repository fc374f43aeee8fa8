import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AssetStore, Db } from '@ministudio/db';
import {
  defaultProjectSettings,
  PRODUCTION_FORMAT,
  PRODUCTION_VERSION,
  type Production,
  type ProductionAsset,
  validateProduction,
} from '@ministudio/domain';
import { invalid } from '../lib/http-error';
import { writeJson } from '../lib/json-column';
import { inspectImage } from './images';
import { loadProjectView } from './project-queries';
import type { Tx } from './project-write';

/** Validates and imports a production as a new project; returns its id. */
export async function importProduction(
  db: Db,
  store: AssetStore,
  input: unknown,
  titleOverride: string | null = null,
) {
  const checked = validateProduction(input);
  if (!checked.ok) throw invalid(`The production has ${checked.issues.length} problem(s)`, checked.issues);
  const doc = checked.value;

  // Images first: content-addressed files are harmless if the transaction below fails.
  const assets = new Map<
    string,
    { mime: string; name: string; bytes: number; width: number; height: number }
  >();
  const assetIssues: { path: string; message: string }[] = [];
  for (const [sha, asset] of Object.entries(doc.assets)) {
    const bytes = Buffer.from(asset.data, 'base64');
    try {
      const image = await inspectImage(bytes);
      const stored = await store.put(bytes);
      if (stored.sha256 !== sha) {
        assetIssues.push({ path: `/assets/${sha}`, message: 'the data does not match its sha256' });
        continue;
      }
      assets.set(sha, {
        mime: image.mime,
        name: asset.name,
        bytes: stored.bytes,
        width: image.width,
        height: image.height,
      });
    } catch {
      assetIssues.push({ path: `/assets/${sha}`, message: 'not a readable PNG, JPEG, WebP or GIF image' });
    }
  }
  if (assetIssues.length) throw invalid('Some images in the production are unusable', assetIssues);

  const projectId = randomUUID();
  await db.$transaction(async (tx) => {
    await createFromProduction(tx, projectId, doc, titleOverride, assets);
  });
  return projectId;
}

async function createFromProduction(
  tx: Tx,
  projectId: string,
  doc: Production,
  titleOverride: string | null,
  assets: Map<string, { mime: string; name: string; bytes: number; width: number; height: number }>,
) {
  const p = doc.project;
  await tx.project.create({
    data: {
      id: projectId,
      title: titleOverride ?? p.title,
      aspectRatio: p.aspectRatio,
      width: p.width,
      height: p.height,
      fps: p.fps,
      style: p.style,
      negativePrompt: p.negativePrompt,
      defaultProvider: p.defaultProvider,
      fitMode: p.fitMode,
      narrationVoice: writeJson(p.narrationVoice),
      animaticText: p.animaticText ?? defaultProjectSettings(p.title).animaticText,
    },
  });
  const assetIds = new Map<string, string>();
  for (const [sha, info] of assets) {
    const id = randomUUID();
    assetIds.set(sha, id);
    await tx.asset.create({
      data: {
        id,
        projectId,
        kind: 'image',
        mime: info.mime,
        bytes: info.bytes,
        sha256: sha,
        width: info.width,
        height: info.height,
        originalName: info.name,
      },
    });
  }
  const assetId = (sha: string) => assetIds.get(sha)!;
  for (const [position, c] of doc.characters.entries()) {
    const id = randomUUID();
    await tx.character.create({
      data: {
        id,
        projectId,
        key: c.key,
        ...characterRow(c, position),
        references: { create: referenceRows(c.referenceImages, assetId) },
      },
    });
  }
  const environmentIds = new Map<string, string>();
  for (const [position, e] of doc.environments.entries()) {
    const id = randomUUID();
    environmentIds.set(e.key, id);
    await tx.environment.create({
      data: {
        id,
        projectId,
        key: e.key,
        ...environmentRow(e, position, assetId),
        references: { create: referenceRows(e.referenceImages, assetId) },
      },
    });
  }
  for (const [position, s] of doc.scenes.entries()) {
    const sceneId = randomUUID();
    await tx.scene.create({
      data: { id: sceneId, projectId, key: s.key, ...sceneRow(s, position, environmentIds) },
    });
    for (const [shotPosition, shot] of s.shots.entries()) {
      await tx.shot.create({
        data: { id: randomUUID(), key: shot.key, ...shotRow(shot, sceneId, shotPosition) },
      });
    }
  }
}

/** The project as a production document, images included, in the order the editor shows. */
// A production's entities as database columns (everything but ids and keys): one mapping for the
// importer here and the command line's in-place update (apps/cli/src/sync-production.ts).
type Entity<K extends 'characters' | 'environments' | 'scenes'> = Production[K][number];
type AssetIdOf = (sha: string) => string;

export const referenceRows = (shas: readonly string[], assetId: AssetIdOf) =>
  shas.map((sha, i) => ({ assetId: assetId(sha), position: i }));

export const characterRow = (c: Entity<'characters'>, position: number) => ({
  name: c.name,
  position,
  identity: writeJson(c.identity),
  defaultState: writeJson(c.defaultState),
  voice: writeJson(c.voice),
});

export const environmentRow = (e: Entity<'environments'>, position: number, assetId: AssetIdOf) => ({
  name: e.name,
  position,
  location: e.location,
  identity: writeJson(e.identity),
  context: writeJson(e.context),
  plateAssetId: e.plate ? assetId(e.plate) : null,
});

export const sceneRow = (
  s: Entity<'scenes'>,
  position: number,
  environmentIds: ReadonlyMap<string, string>,
) => ({
  title: s.title,
  position,
  mood: s.mood,
  seed: s.seed,
  environmentId: s.environment ? environmentIds.get(s.environment)! : null,
});

export const shotRow = (shot: Entity<'scenes'>['shots'][number], sceneId: string, position: number) => ({
  sceneId,
  position,
  shotType: shot.shotType,
  action: shot.action,
  camera: shot.camera,
  durationSeconds: shot.duration === 'speech' ? null : shot.duration,
  dialogue: writeJson(shot.dialogue),
  narration: shot.narration,
  cast: writeJson(shot.cast),
  continuity: shot.continuity,
  seedOverride: shot.seed,
  providerOverride: shot.provider,
  audioFit: shot.audioFit,
});

export async function exportProduction(db: Db, store: AssetStore, projectId: string): Promise<Production> {
  const view = await loadProjectView(db, projectId);
  const assets: Record<string, ProductionAsset> = {};
  const addAsset = async (ref: { sha256: string; mime: string; name: string }) => {
    if (!assets[ref.sha256]) {
      const data = await readFile(store.pathOf(ref.sha256));
      assets[ref.sha256] = { mime: ref.mime, name: ref.name, data: data.toString('base64') };
    }
    return ref.sha256;
  };
  const environmentKeys = new Map(view.environments.map((e) => [e.id, e.key]));
  const characters = [];
  for (const c of view.characters) {
    const referenceImages = [];
    for (const ref of c.references) referenceImages.push(await addAsset(ref));
    characters.push({
      key: c.key,
      name: c.name,
      identity: c.identity,
      defaultState: c.defaultState,
      voice: c.voice,
      referenceImages,
    });
  }
  const environments = [];
  for (const e of view.environments) {
    const referenceImages = [];
    for (const ref of e.references) referenceImages.push(await addAsset(ref));
    environments.push({
      key: e.key,
      name: e.name,
      location: e.location,
      identity: e.identity,
      context: e.context,
      referenceImages,
      plate: e.plate ? await addAsset(e.plate) : null,
    });
  }
  return {
    format: PRODUCTION_FORMAT,
    version: PRODUCTION_VERSION,
    project: {
      title: view.title,
      aspectRatio: view.aspectRatio,
      width: view.width,
      height: view.height,
      fps: view.fps,
      style: view.style,
      negativePrompt: view.negativePrompt,
      defaultProvider: view.defaultProvider,
      fitMode: view.fitMode,
      narrationVoice: view.narrationVoice,
      animaticText: view.animaticText,
    },
    characters,
    environments,
    scenes: view.scenes.map((s) => ({
      key: s.key,
      title: s.title,
      mood: s.mood,
      seed: s.seed,
      environment: s.environmentId ? (environmentKeys.get(s.environmentId) ?? null) : null,
      shots: s.shots.map((shot) => ({
        key: shot.key,
        shotType: shot.shotType,
        action: shot.action,
        camera: shot.camera,
        duration: shot.duration,
        dialogue: shot.dialogue,
        narration: shot.narration,
        cast: shot.cast,
        continuity: shot.continuity,
        seed: shot.seed,
        provider: shot.provider,
        audioFit: shot.audioFit,
      })),
    })),
    assets,
  };
}
