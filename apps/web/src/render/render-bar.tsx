import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useProject } from '../api/hooks';
import { flatShots } from '../api/project-patches';
import { useRender, useSelect, useSelection } from '../app/session';
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
import { useShotStates } from './render-queries';
import { RenderQueuePanel } from './render-queue-panel';
import {
  type RenderScopeKind,
  type ScopeProject,
  scopeBody,
  selectedShotIds,
  staleShotIds,
} from './render-scope';
import { SpendLine } from './spend-line';
import { useRenderDeps } from './use-render-deps';

const IDLE = { shots: 0, percent: 0, estimated: false };
const NO_SCENES: ScopeProject = { scenes: [] };

const SCOPE_LABELS: Record<RenderScopeKind, (selected: number, stale: number) => string> = {
  selected: (n) => (n > 1 ? `Render selected (${n})` : 'Render selected'),
  scene: () => 'Render scene',
  stale: (_, n) => `Render stale (${n})`,
  all: () => 'Render all',
};

/** What each button shows under the group's "Render" legend. */
const SCOPE_SHORT: Record<RenderScopeKind, (selected: number, stale: number) => string> = {
  selected: (n) => (n > 1 ? `Selected (${n})` : 'Selected'),
  scene: () => 'Scene',
  stale: (_, n) => `Stale (${n})`,
  all: () => 'All',
};

const SCOPE_TITLES: Record<RenderScopeKind, string> = {
  selected: 'Render the selected shots (a shot whose take is current keeps it)',
  scene: 'Render every shot of the selected shot’s scene that has no current take',
  stale: 'Render the shots whose take is stale or that have none',
  all: 'Render every shot; a shot whose take still matches it keeps that take',
};

/** The project's render controls above the storyboard: render, make the film, choose the provider. */
export function RenderBar({ projectId }: { projectId: string }) {
  const deps = useRenderDeps();
  const select = useSelect();
  // The default provider is a project setting like the others: a change that makes takes stale waits for Apply.
  const change = useSettingsChange(projectId);
  const defaultProvider = useProject(projectId, (p) => p.defaultProvider).data ?? '';
  const shotCount = useProject(projectId, (p) => flatShots(p).length).data ?? 0;
  const project = useProject(projectId).data ?? NO_SCENES;
  const states = useShotStates(projectId);
  // Selection shapes differ (one shot or several): the adapter reads either.
  const selected = useSelection(useShallow((s) => selectedShotIds(s.selection, s.shots)));
  // Recomputed per event but compared id by id: the bar redraws when the stale set changes.
  const stale = useRender(useShallow((s) => staleShotIds(project, states, s.byShot)));
  const queued = useRender(
    (s) =>
      Object.values(s.byShot).filter((p) => p.activeJobIds.length > 0).length +
      (s.film && (s.film.status === 'queued' || s.film.status === 'running') ? 1 : 0),
  );
  const [queueOpen, setQueueOpen] = useState(false);
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
  // The scope whose cost is shown: the button under the pointer or focus, else the first that would render.
  const [previewKind, setPreviewKind] = useState<RenderScopeKind | null>(null);
  const version = useProject(projectId, (p) => p.version).data ?? 0;
  const costKind =
    previewKind ??
    (['stale', 'all'] as const).find((k) => scopeBody(k, project, selected, stale) !== null) ??
    'all';
  const costBody = scopeBody(costKind, project, selected, stale);
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
        <fieldset className="render-scopes">
          <legend>Render</legend>
          {(['selected', 'scene', 'stale', 'all'] as const).map((kind) => {
            const body = scopeBody(kind, project, selected, stale);
            return (
              <button
                key={kind}
                type="button"
                className={kind === 'stale' && body !== null ? 'primary' : undefined}
                disabled={busy || body === null}
                title={SCOPE_TITLES[kind]}
                // The button shows the short word; its name says the whole action ("Render all").
                aria-label={SCOPE_LABELS[kind](selected.length, stale.length)}
                onMouseEnter={() => setPreviewKind(kind)}
                onMouseLeave={() => setPreviewKind(null)}
                onFocus={() => setPreviewKind(kind)}
                onBlur={() => setPreviewKind(null)}
                onClick={() => {
                  if (!body) return;
                  setBusy(true);
                  void render(deps, body).finally(() => setBusy(false));
                }}
              >
                {SCOPE_SHORT[kind](selected.length, stale.length)}
              </button>
            );
          })}
        </fieldset>
        {activeIds && (
          <button type="button" onClick={() => void cancel(activeIds.split(' '))}>
            Cancel all
          </button>
        )}
        <button
          type="button"
          aria-expanded={queueOpen}
          aria-controls="render-queue-panel"
          onClick={() => setQueueOpen((o) => !o)}
        >
          Queue ({queued})
        </button>
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
      <SpendLine
        projectId={projectId}
        scopeLabel={SCOPE_LABELS[costKind](selected.length, stale.length)}
        body={costBody}
        revision={`${version}|${queued}|${stale.join(',')}`}
      />
      <SettingsChangeNotices change={change} />
      {queueOpen && (
        <div id="render-queue-panel">
          <RenderQueuePanel projectId={projectId} onClose={() => setQueueOpen(false)} />
        </div>
      )}
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
