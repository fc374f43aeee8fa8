import type { JobRecord } from '../queue/job-types';
import { runConform, runFit, runPreviews } from './conform-fit-previews';
import type { HandlerContext } from './context';
import { runFilm } from './film';
import type { ConformPayload, FilmPayload, FitPayload, PicturePayload, SpeechPayload } from './payloads';
import { runPicture } from './picture';
import { runSpeech } from './speech';

/** Runs one job of any kind; the same code runs in the studio process and in remote workers. */
export async function runJobKind(job: JobRecord, ctx: HandlerContext): Promise<unknown> {
  switch (job.kind) {
    case 'speech':
      return runSpeech(job.payload as SpeechPayload, ctx);
    case 'picture':
      return runPicture(job.payload as PicturePayload, ctx);
    case 'conform':
      return runConform(job.payload as ConformPayload, ctx);
    case 'fit':
      return runFit(job.payload as FitPayload, ctx);
    case 'previews':
      return runPreviews(job.payload, ctx);
    case 'film':
      return runFilm(job.payload as FilmPayload, ctx);
  }
}
