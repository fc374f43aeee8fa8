import type { Take } from '@ministudio/db';
import type { ShotState, TakeStatus, TakeView } from '@ministudio/domain';

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
  /** Where the animatic drew each figure part and set piece (TakeRegions JSON); null for other providers. */
  regions?: string | null;
  lines?: { character: string | null; text: string; startSeconds: number; durationSeconds: number }[];
}

export function readTakeAssets(take: Pick<Take, 'assets'>): TakeAssets {
  return JSON.parse(take.assets) as TakeAssets;
}

/** Where clients download a stored file (the API's asset route); null for a file not made. */
export function assetUrl(assetId: string): string;
export function assetUrl(assetId: string | null | undefined): string | null;
export function assetUrl(assetId: string | null | undefined): string | null {
  return assetId ? `/api/assets/${assetId}` : null;
}

// Take rows to the API's views: the one place a TakeView or a ShotState is built.

export function takeView(take: Take, chosenTakeId: string | null, currentHash: string | null): TakeView {
  const assets = readTakeAssets(take);
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
      video: assetUrl(assets.video),
      proxy: assetUrl(assets.proxy),
      poster: assetUrl(assets.poster),
      filmstrip: assetUrl(assets.filmstrip),
      waveform: assetUrl(assets.waveform),
      regionsUrl: assetUrl(assets.regions),
    },
  };
}

/** A shot's chosen take (undefined: none) as the timeline shows it; stale = edited since it was rendered. */
/** The columns of a take a shot state is made of (shotStates reads only these). */
export const SHOT_STATE_TAKE_COLUMNS = {
  id: true,
  status: true,
  inputHash: true,
  assets: true,
  durationSeconds: true,
} as const;
export type ShotStateTake = Pick<Take, keyof typeof SHOT_STATE_TAKE_COLUMNS>;

export function shotState(shotId: string, take: ShotStateTake | undefined, currentHash: string): ShotState {
  const assets = take ? readTakeAssets(take) : null;
  return {
    shotId,
    chosenTakeId: take?.id ?? null,
    status: (take?.status as TakeStatus | undefined) ?? null,
    stale: take ? take.inputHash !== currentHash : false,
    posterUrl: assetUrl(assets?.poster),
    videoUrl: assetUrl(assets?.video),
    filmstripUrl: assetUrl(assets?.filmstrip),
    waveformUrl: assetUrl(assets?.waveform),
    durationSeconds: take?.durationSeconds ?? null,
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
    assets.regions,
  ].filter((id): id is string => typeof id === 'string');
}
