import path from 'node:path';
import { sha256OfFile } from '@ministudio/db';
import { type ImageInput, type PlacedSpeech, ProviderError, type VideoRequest } from '@ministudio/domain';
import { makePoster, probeVideo } from '@ministudio/media';
import { applyAdjustments, checkInputOf, checkRequest } from '@ministudio/providers';
import type { HandlerContext } from './context';
import type { FitOutput, PictureOutput, PicturePayload, SpeechOutput } from './payloads';
import { placeSpeech, speechShotSeconds, writeSpeechTrack } from './speech-track';
import { notConfigured } from './unconfigured';

/**
 * Generates the shot's picture with its provider. The speech is known first, so a shot that follows
 * its speech is generated at the right length, and the local renderer can move mouths with it.
 */
export async function runPicture(payload: PicturePayload, ctx: HandlerContext): Promise<PictureOutput> {
  const provider = ctx.providers.video(payload.provider);
  if (!provider)
    throw new ProviderError('provider_rejected_input', `No video provider "${payload.provider}"`);
  if (!provider.configured()) throw notConfigured(ctx, 'video', provider.id, provider.label);
  const capabilities = provider.models().find((m) => m.model === payload.model);
  if (!capabilities)
    throw new ProviderError('provider_rejected_input', `${provider.label} has no model "${payload.model}"`);

  const speechById = new Map(ctx.deps.filter((d) => d.kind === 'speech').map((d) => [d.id, d]));
  const speech = payload.speechJobs.map((id) => speechById.get(id)!.result as SpeechOutput);
  const speechPayloads = payload.speechJobs.map(
    (id) => speechById.get(id)!.payload as { character: string | null; text: string },
  );
  const { placed, endSeconds } = placeSpeech(
    speech.map((s, i) => ({
      character: speechPayloads[i]!.character,
      text: speechPayloads[i]!.text,
      durationSeconds: s.durationSeconds,
    })),
  );
  const wanted =
    payload.duration === 'speech' ? speechShotSeconds(endSeconds, payload.fps) : payload.duration;

  const placedSpeech: PlacedSpeech[] = [];
  for (const [i, line] of placed.entries()) {
    placedSpeech.push({ ...line, path: await ctx.io.fetch(speech[i]!.assetId) });
  }
  const plate = payload.shot.environment?.plate ?? null;
  let request: VideoRequest = {
    model: payload.model,
    prompt: payload.prompt,
    negativePrompt: payload.negativePrompt,
    durationSeconds: wanted,
    width: payload.width,
    height: payload.height,
    fps: payload.fps,
    aspectRatio: payload.aspectRatio,
    seed: payload.seed,
    firstFrame: await lastFrameOf(payload, ctx),
    lastFrame: null,
    references: await Promise.all(
      payload.references.map(async (r) => ({
        kind: r.kind,
        owner: r.owner,
        image: { path: await ctx.io.fetch(r.file.assetId), mime: r.file.mime, sha256: r.file.sha256 },
      })),
    ),
    shot: {
      ...payload.shot,
      environment: payload.shot.environment
        ? {
            ...payload.shot.environment,
            plate: plate
              ? { path: await ctx.io.fetch(plate.assetId), mime: plate.mime, sha256: plate.sha256 }
              : null,
          }
        : null,
      speech: placedSpeech,
    },
  };
  // The queue refused impossible requests already; what is left are adjustments (nearest duration, ...).
  const check = checkRequest(capabilities, checkInputOf(request));
  if (check.violations.length) {
    const first = check.violations[0]!;
    throw new ProviderError('provider_rejected_input', `${first.message} ${first.fix}`);
  }
  request = applyAdjustments(capabilities, request, check.adjustments);

  const result = await provider.generate(request, {
    signal: ctx.signal,
    onProgress: ctx.onProgress,
    onPreview: (jpeg) => ctx.io.putPreview(jpeg),
    workDir: ctx.io.workDir,
  });
  const info = await probeVideo(result.path);
  const stored = await ctx.io.store(result.path, {
    kind: 'video',
    mime: result.mime,
    name: path.basename(result.path),
    durationSeconds: info.durationSeconds,
    width: info.video.width,
    height: info.video.height,
    cacheKey: null,
  });
  let speechTrackAssetId: string | null = null;
  if (placed.length) {
    const track = await writeSpeechTrack(ctx.io, speech, placed, endSeconds);
    speechTrackAssetId = (
      await ctx.io.store(track, {
        kind: 'audio',
        mime: 'audio/wav',
        name: 'speech-track.wav',
        durationSeconds: endSeconds,
        width: null,
        height: null,
        cacheKey: null,
      })
    ).id;
  }
  // The frame regions describe exactly this picture's frames; the fit that follows keeps the animatic's length.
  const regionsAssetId = result.regionsPath
    ? (
        await ctx.io.store(result.regionsPath, {
          kind: 'data',
          mime: 'application/json',
          name: 'regions.json',
          durationSeconds: null,
          width: null,
          height: null,
          cacheKey: null,
        })
      ).id
    : null;
  return {
    assetId: stored.id,
    speechTrackAssetId,
    regionsAssetId,
    lines: placed,
    durationSeconds: wanted,
    model: result.model,
    seedApplied: result.seedApplied && request.seed !== null,
    nativeAudio: capabilities.nativeAudio,
    notes: [...check.adjustments.map((a) => a.note), ...result.notes],
  };
}

/** The previous shot's last frame as a PNG, when this shot continues from it. */
async function lastFrameOf(payload: PicturePayload, ctx: HandlerContext): Promise<ImageInput | null> {
  const from = payload.firstFrameFrom;
  if (!from) return null;
  const assetId =
    'assetId' in from
      ? from.assetId
      : (ctx.deps.find((d) => d.id === from.fitJob)!.result as FitOutput).assetId;
  const clip = await ctx.io.fetch(assetId);
  const info = await probeVideo(clip);
  const frame = path.join(ctx.io.workDir, 'first-frame.png');
  await makePoster(clip, frame, info.durationSeconds, null);
  return { path: frame, mime: 'image/png', sha256: await sha256OfFile(frame) };
}
