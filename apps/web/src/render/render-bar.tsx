import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useProject } from '../api/hooks';
import { flatShots } from '../api/project-patches';
import { useRender, useSelect } from '../app/session';
import { navigate, providersPath } from '../lib/router';
import { SettingsChangeNotices } from '../settings/stale-warning';
import { useSettingsChange } from '../settings/use-settings-change';
import { focusShot } from '../storyboard/focus-shot';
import { FilmExportDialog } from './film-export-dialog';
import { FilmPanel } from './film-panel';
import { ProgressBar } from './progress-bar';
import { progressReading, projectProgress } from './progress-reading';
import { ProviderSelect } from './provider-select';
import { cancel, makeFilm, render } from './render-actions';
import { useRenderDeps } from './use-render-deps';

const IDLE = { shots: 0, percent: 0, estimated: false };

/** The project's render controls above the storyboard: render, make the film, choose the provider. */
export function RenderBar({ projectId }: { projectId: string }) {
  const deps = useRenderDeps();
  const select = useSelect();
  // The default provider is a project setting like the others: a change that makes takes stale waits for Apply.
  const change = useSettingsChange(projectId);
  const defaultProvider = useProject(projectId, (p) => p.defaultProvider).data ?? '';
  const shotCount = useProject(projectId, (p) => flatShots(p).length).data ?? 0;
  // Selectors return joined ids and a summary of whole percents compared field by field: the bar redraws
  // when the summary changes, not per tick.
  const activeIds = useRender((s) =>
    Object.values(s.byShot)
      .flatMap((p) => p.activeJobIds)
      .join(' '),
  );
  const summary = useRender(useShallow((s) => projectProgress(s.byShot) ?? IDLE));
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const showMissing = (missing: string[]) => {
    const first = missing[0];
    if (first) {
      select({ kind: 'shot', id: first });
      focusShot(first);
    }
  };
  return (
    <>
      <div className="render-bar" role="toolbar" aria-label="Render">
        <button
          type="button"
          className="primary"
          disabled={busy || shotCount === 0}
          title="Render every shot that has no current take"
          onClick={() => {
            setBusy(true);
            void render(deps, {}).finally(() => setBusy(false));
          }}
        >
          Render
        </button>
        {activeIds && (
          <button type="button" onClick={() => void cancel(activeIds.split(' '))}>
            Cancel all
          </button>
        )}
        {summary.shots > 0 && (
          <span className="render-summary" role="status" aria-label="Render summary">
            Rendering {summary.shots} {summary.shots === 1 ? 'shot' : 'shots'} ·{' '}
            {progressReading(summary.percent / 100, summary.estimated).text}
            <ProgressBar
              value={summary.percent / 100}
              estimated={summary.estimated}
              caption={false}
              label="Project render progress"
            />
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          disabled={shotCount === 0}
          title="Make the film with the defaults: soft subtitles, the project’s size, a chapter per scene"
          onClick={() => void makeFilm(deps).then(({ missing }) => showMissing(missing))}
        >
          Make film
        </button>
        <button type="button" disabled={shotCount === 0} onClick={() => setExporting(true)}>
          Export film…
        </button>
        <div className="default-provider">
          <ProviderSelect
            label="Default provider"
            value={defaultProvider}
            defaultLabel={null}
            onChange={(next) => change.propose({ defaultProvider: next }, 'Change default provider')}
          />
        </div>
        <a
          href={providersPath(projectId)}
          onClick={(e) => {
            e.preventDefault();
            navigate(providersPath(projectId));
          }}
        >
          Providers
        </a>
      </div>
      <SettingsChangeNotices change={change} />
      {exporting && (
        <FilmExportDialog
          projectId={projectId}
          onClose={() => setExporting(false)}
          onMissing={(missing) => {
            // The shots that need a take are highlighted; close the dialog and take the user to the first.
            setExporting(false);
            showMissing(missing);
          }}
        />
      )}
      <FilmPanel projectId={projectId} />
    </>
  );
}
