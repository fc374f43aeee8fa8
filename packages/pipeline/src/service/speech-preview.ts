import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AssetStore, Db } from '@ministudio/db';
import type { ProjectView } from '@ministudio/domain';
import type { ProviderRegistry } from '@ministudio/providers';
import type { HandlerContext } from '../handlers/context';
import type { SpeechOutput } from '../handlers/payloads';
import { runSpeech } from '../handlers/speech';
import { placeSpeech, writeSpeechTrack } from '../handlers/speech-track';
import { createLocalIO } from '../io/local-io';
import type { ShotPlan } from './plan-shot';

// A shot that has no take yet still has its speech: the editor's player plays its storyboard card with this
// track under it. It is made exactly as a render makes the picture job's speech track (the same speech
// jobs' handler, so each line is spoken once and cached by text and voice for the render to reuse, and the
// same placing), and stored under a key over the lines' own keys, so the same lines in the same voices
// answer the same file without speaking anything again.

/** How long one preview may take to speak (a cloud voice on a long shot); past it the request fails. */
const PREVIEW_TIMEOUT_MS = 120_000;

export interface SpeechPreviewFile {
  assetId: string;
  sha256: string;
  mime: string;
  /** Where the last line ends on the shot's timeline. */
  durationSeconds: number;
}

export interface SpeechPreviewOptions {
  db: Db;
  store: AssetStore;
  providers: ProviderRegistry;
  /** The same plan cache the render service uses, so the lines are the ones a render would speak. */
  plan: (project: ProjectView) => Map<string, ShotPlan>;
  /** Work folders go under it (the studio's data/tmp, which start-up clears). */
  workRoot: string;
}

/** The cache key of a shot's mixed speech: its lines' keys in order (each already covers text and voice). */
export function speechPreviewKey(lineKeys: readonly string[]): string {
  return `speech-preview:${createHash('sha256')
    .update(JSON.stringify(['v1', ...lineKeys]))
    .digest('hex')}`;
}

export class SpeechPreviews {
  /** Previews being made, by key: two requests for the same lines speak them once. */
  private readonly making = new Map<string, Promise<SpeechPreviewFile>>();

  constructor(private readonly options: SpeechPreviewOptions) {}

  /**
   * The shot's speech as one WAV, each line where the renderer would place it; null when the shot has no
   * dialogue or narration. Throws the speech provider's ProviderError (not configured, refused) as it is.
   */
  async forShot(project: ProjectView, shotId: string): Promise<SpeechPreviewFile | null> {
    const plan = this.options.plan(project).get(shotId);
    if (!plan || plan.lines.length === 0) return null;
    const key = speechPreviewKey(plan.lines.map((line) => line.payload.cacheKey));
    const found = await this.options.db.asset.findFirst({
      where: { projectId: project.id, cacheKey: key },
      orderBy: { createdAt: 'asc' },
    });
    if (found)
      return {
        assetId: found.id,
        sha256: found.sha256,
        mime: found.mime,
        durationSeconds: found.durationSeconds ?? 0,
      };
    let pending = this.making.get(key);
    if (!pending) {
      pending = this.make(project.id, plan, key).finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }

  private async make(projectId: string, plan: ShotPlan, key: string): Promise<SpeechPreviewFile> {
    const { db, store, providers, workRoot } = this.options;
    const { io, dispose } = await createLocalIO(
      db,
      store,
      projectId,
      workRoot,
      `speech-preview-${randomUUID()}`,
    );
    try {
      const ctx: HandlerContext = {
        io,
        signal: AbortSignal.timeout(PREVIEW_TIMEOUT_MS),
        onProgress: () => undefined,
        providers,
        deps: [],
        onWorker: false,
      };
      const spoken: SpeechOutput[] = [];
      for (const line of plan.lines) spoken.push(await runSpeech(line.payload, ctx));
      const { placed, endSeconds } = placeSpeech(
        plan.lines.map((line, i) => ({
          character: line.payload.character,
          text: line.payload.text,
          durationSeconds: spoken[i]!.durationSeconds,
        })),
      );
      const track = await writeSpeechTrack(io, spoken, placed, endSeconds);
      const stored = await io.store(track, {
        kind: 'audio',
        mime: 'audio/wav',
        name: path.basename(track),
        durationSeconds: endSeconds,
        width: null,
        height: null,
        cacheKey: key,
      });
      return { assetId: stored.id, sha256: stored.sha256, mime: 'audio/wav', durationSeconds: endSeconds };
    } finally {
      await dispose();
    }
  }
}
