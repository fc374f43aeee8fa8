import type { Take } from '@ministudio/db';
import type { TakeStatus, TakeView } from '@ministudio/domain';

/** Files a take owns, by role. Speech files are shared between takes (cached by line) and are not listed. */
export interface TakeAssets {
  raw?: string;
  conformed?: string;
  video?: string;
  speechTrack?: string | null;
  proxy?: string;
  poster?: string;
  filmstrip?: string;
  waveform?: string;
  lines?: { character: string | null; text: string; startSeconds: number; durationSeconds: number }[];
}

export function readTakeAssets(take: Take): TakeAssets {
  return JSON.parse(take.assets) as TakeAssets;
}

export function takeView(take: Take, chosenTakeId: string | null, currentHash: string | null): TakeView {
  const assets = readTakeAssets(take);
  const url = (id: string | undefined | null) => (id ? `/api/assets/${id}` : null);
  return {
    id: take.id,
    shotId: take.shotId,
    number: take.number,
    status: take.status as TakeStatus,
    inputHash: take.inputHash,
    prompt: take.prompt,
    seed: take.seed,
    seedApplied: take.seedApplied,
    provider: take.provider,
    model: take.model,
    durationSeconds: take.durationSeconds,
    pinned: take.pinned,
    chosen: take.id === chosenTakeId,
    stale: currentHash !== null && take.inputHash !== currentHash,
    notes: JSON.parse(take.notes) as string[],
    createdAt: take.createdAt.toISOString(),
    urls: {
      video: url(assets.video),
      proxy: url(assets.proxy),
      poster: url(assets.poster),
      filmstrip: url(assets.filmstrip),
      waveform: url(assets.waveform),
    },
  };
}

/** Asset ids a take owns (deleted with it). */
export function ownedAssetIds(assets: TakeAssets): string[] {
  return [
    assets.raw,
    assets.conformed,
    assets.video,
    assets.speechTrack,
    assets.proxy,
    assets.poster,
    assets.filmstrip,
    assets.waveform,
  ].filter((id): id is string => typeof id === 'string');
}
