import type { PatchProjectBody } from '@ministudio/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/http';
import { renderCheckKey, shotStatesKey } from '../api/query-keys';
import { settingsImpact } from '../api/settings-endpoints';
import { useRun, useSession } from '../app/session';
import { changeProjectSettings } from '../commands/project-settings';

export interface PendingChange {
  patch: PatchProjectBody;
  label: string;
  staleShots: number;
}

/**
 * Applies settings changes as undoable commands. A change that would make rendered shots stale waits
 * for Apply, after the server said how many (it plans the project with and without the change).
 */
export type SettingsChange = ReturnType<typeof useSettingsChange>;

export function useSettingsChange(projectId: string) {
  const { editor } = useSession();
  const run = useRun();
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = async (patch: PatchProjectBody, label: string) => {
    setPending(null);
    const ok = await run(changeProjectSettings(editor, editor.project(), patch, label));
    if (ok) {
      void client.invalidateQueries({ queryKey: shotStatesKey(projectId) });
      void client.invalidateQueries({ queryKey: renderCheckKey(projectId) });
    }
  };

  /** A change no render depends on (the title) goes straight in. */
  const applyNow = (patch: PatchProjectBody, label: string) => void apply(patch, label);

  /** A change renders depend on: asks the server first, and waits for Apply if shots would go stale. */
  const propose = async (patch: PatchProjectBody, label: string) => {
    setError(null);
    try {
      const impact = await settingsImpact(projectId, patch);
      if (impact.staleShots === 0) await apply(patch, label);
      else setPending({ patch, label, staleShots: impact.staleShots });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return {
    pending,
    error,
    applyNow,
    propose: (patch: PatchProjectBody, label: string) => void propose(patch, label),
    confirm: () => pending && void apply(pending.patch, pending.label),
    cancel: () => setPending(null),
  };
}
