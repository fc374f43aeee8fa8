import type { FilmOptionsBody, JobSummary, RenderStart, ShotCheck } from '@ministudio/domain';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { renderCheckKey, shotStatesKey, takesKey } from '../api/query-keys';
import { cancelJob, type RenderScope, startFilm, startRender } from '../api/render-endpoints';
import { providersPath } from '../lib/router';
import { useNotices } from '../stores/notice-store';
import type { RenderStore } from './render-store';
import { mergeRefusal, refusalNotice, refusedShots } from './violations';

// What the render buttons do. The events stream reports the rest; the answers are folded in at once so
// the cards move before the first event arrives.

export interface RenderDeps {
  projectId: string;
  client: QueryClient;
  store: RenderStore;
}

/** 422s that refuse the whole render before anything is queued, listing the shots and why. */
const REFUSALS = new Set(['unsupported_by_provider', 'provider_not_configured', 'speech_does_not_fit']);

export async function render(deps: RenderDeps, scope: RenderScope): Promise<RenderStart | null> {
  const { projectId, client, store } = deps;
  try {
    const result = await startRender(projectId, scope);
    store.getState().apply(result.jobs);
    // Shots that reused their take changed their chosen take without any job.
    if (result.shots.some((s) => s.outcome === 'cached'))
      void client.invalidateQueries({ queryKey: shotStatesKey(projectId) });
    for (const s of result.shots) void client.invalidateQueries({ queryKey: takesKey(s.shotId) });
    if (result.shots.length === 0 || result.shots.every((s) => s.outcome === 'cached'))
      useNotices.getState().show('info', 'Every shot already has a current take: nothing to render.');
    return result;
  } catch (error) {
    if (error instanceof ApiError && REFUSALS.has(error.code)) {
      const refused = refusedShots(error.details);
      client.setQueryData<ShotCheck[]>(renderCheckKey(projectId), (checks) => mergeRefusal(checks, refused));
      // A refusal without readable details still says the server's sentence.
      const notice = refused.length > 0 ? refusalNotice(refused) : { text: error.message, setup: false };
      useNotices
        .getState()
        .show(
          'error',
          notice.text,
          notice.setup || error.code === 'provider_not_configured'
            ? { label: 'Open the providers page', path: providersPath(projectId) }
            : undefined,
        );
      return null;
    }
    // Over a spend limit: the server's sentence says the cost, the limit and what remains.
    if (
      error instanceof ApiError &&
      (error.code === 'over_spend_limit' || error.code === 'price_unknown_under_limit')
    ) {
      useNotices.getState().show('error', error.message);
      return null;
    }
    report(error, 'start the render');
    return null;
  }
}

export async function cancel(jobIds: readonly string[]): Promise<void> {
  // Cancelling the picture cancels what waits on it; asking for each is harmless and covers every stage.
  const results = await Promise.allSettled(jobIds.map((id) => cancelJob(id)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) report((failed as PromiseRejectedResult).reason, 'cancel the render');
}

/**
 * Starts the film made as `options` asks; answers its job, or, when shots lack a take, highlights them and
 * answers their ids (an error the user was told of answers neither).
 */
export async function makeFilm(
  deps: RenderDeps,
  options: FilmOptionsBody = {},
): Promise<{ job: JobSummary | null; missing: string[] }> {
  const { projectId, store } = deps;
  try {
    const { job } = await startFilm(projectId, options);
    store.getState().setMissing([]);
    store.getState().apply([job]);
    return { job, missing: [] };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_ready') {
      const ids = (error.details as { shotIds?: unknown } | null)?.shotIds;
      const missing = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
      store.getState().setMissing(missing);
      useNotices
        .getState()
        .show(
          'error',
          `The film needs a finished take of every shot: ${missing.length} ${missing.length === 1 ? 'shot has' : 'shots have'} none yet (highlighted). Render them first.`,
        );
      return { job: null, missing };
    }
    report(error, 'make the film');
    return { job: null, missing: [] };
  }
}

function report(error: unknown, what: string): void {
  const reason = error instanceof Error ? error.message : String(error);
  useNotices.getState().show('error', `Could not ${what}: ${reason}`);
}
