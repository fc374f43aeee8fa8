import { ProjectSettings } from '@ministudio/domain';
import { useState } from 'react';
import { AccountMenu } from '../account/account-menu';
import { useProject } from '../api/hooks';
import { useHistory, useRun, useSession } from '../app/session';
import { editProject } from '../commands/entity-commands';
import { TextField } from '../common/text-field';
import { navigate } from '../lib/router';
import { SettingsPanel } from '../settings/settings-panel';
import { useSaveState } from '../stores/save-store';
import type { EditorView } from './editor-view';

export function TopBar({
  projectId,
  view,
  onView,
}: {
  projectId: string;
  view: EditorView;
  onView: (view: EditorView) => void;
}) {
  const { editor, history } = useSession();
  const run = useRun();
  const title = useProject(projectId, (p) => p.title).data ?? '';
  const meta = useProject(
    projectId,
    (p) => `${p.aspectRatio} · ${p.width}×${p.height} · ${p.fps} fps · ${p.style}`,
  );
  const undoLabel = useHistory((s) => s.past.at(-1)?.label ?? null);
  const redoLabel = useHistory((s) => s.future.at(-1)?.label ?? null);
  const pending = useSaveState((s) => s.pending[projectId] ?? 0);
  const busy = useHistory((s) => s.busy);
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <header className="top-bar">
      <a
        className="back-link"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        ← Projects
      </a>
      <div className="title-field">
        <TextField
          label="Project title"
          value={title}
          schema={ProjectSettings.properties.title}
          multiline={false}
          onCommit={(next) => void run(editProject(editor, { title }, { title: next }, 'Rename project'))}
        />
      </div>
      <span className="project-facts">{meta.data}</span>
      <div className="view-switch" role="tablist" aria-label="View">
        {(
          [
            ['storyboard', 'Storyboard'],
            ['edit', 'Edit'],
            ['review', 'Review'],
          ] as const
        ).map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={view === id} onClick={() => onView(id)}>
            {label}
          </button>
        ))}
      </div>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={settingsOpen}
        onClick={() => setSettingsOpen(true)}
      >
        Settings
      </button>
      {settingsOpen && <SettingsPanel projectId={projectId} onClose={() => setSettingsOpen(false)} />}
      <span className="save-status" role="status" aria-label="Save status">
        {pending > 0 || busy ? 'Saving…' : 'All changes saved'}
      </span>
      <div className="history-buttons">
        <button
          type="button"
          disabled={!undoLabel}
          title={undoLabel ? `Undo ${undoLabel.toLowerCase()} (Ctrl+Z)` : 'Nothing to undo'}
          onClick={() => void history.getState().undo()}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!redoLabel}
          title={redoLabel ? `Redo ${redoLabel.toLowerCase()} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          onClick={() => void history.getState().redo()}
        >
          Redo
        </button>
      </div>
      <AccountMenu />
    </header>
  );
}
