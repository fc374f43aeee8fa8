import type { ProjectView } from '@ministudio/domain';
import { notifyManager, QueryClient } from '@tanstack/react-query';
import { projectKey, projectsKey } from '../api/query-keys';
import { createWriteQueue } from '../api/write-queue';
import { CONFLICT_MESSAGE, useNotices } from '../stores/notice-store';
import { useSaveState } from '../stores/save-store';
import { sessions } from './sessions';

// The app's singletons: one query cache and one write queue (one lane per project).

// Cache updates reach components in a microtask rather than a later timer tick, so an edit's preview
// (a ticked checkbox, a moved card) is drawn before the browser handles the next input.
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    // The editor's cache is updated from every write's answer; background refetches would only race them.
    queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 },
  },
});

export const writeQueue = createWriteQueue({
  shownVersion: (id) => queryClient.getQueryData<ProjectView>(projectKey(id))?.version ?? null,
  onConflict: (id) => {
    useNotices.getState().show('conflict', CONFLICT_MESSAGE);
    sessions.get(id)?.history.getState().clear();
    void queryClient.invalidateQueries({ queryKey: projectKey(id) });
    void queryClient.invalidateQueries({ queryKey: projectsKey });
  },
  onPendingChange: (id, pending) => useSaveState.getState().setPending(id, pending),
});
