import { useMemo } from 'react';
import { useProject } from '../api/hooks';
import { openSession, SessionContext } from '../app/session';
import { CHARACTERS } from '../cast/character-kind';
import { EntityPanel } from '../cast/entity-panel';
import { LOCATIONS } from '../cast/location-kind';
import { navigate } from '../lib/router';
import { Player } from '../player/player';
import { RenderBar } from '../render/render-bar';
import { useRenderEvents } from '../render/use-render-events';
import { ReviewView } from '../review/review-view';
import { Board } from '../storyboard/board';
import { Timeline } from '../timeline/timeline';
import { DetailPane } from './detail-pane';
import { useEditorView } from './editor-view';
import { TopBar } from './top-bar';
import { useEditorKeys } from './use-editor-keys';

export function ProjectPage({ projectId }: { projectId: string }) {
  const session = useMemo(() => openSession(projectId), [projectId]);
  const project = useProject(projectId);
  if (project.isPending) return <p className="page-message">Loading project…</p>;
  if (project.isError)
    return (
      <div className="page-message">
        <p>Could not open this project: {project.error.message}</p>
        <button type="button" onClick={() => navigate('/')}>
          Back to projects
        </button>
      </div>
    );
  return (
    <SessionContext.Provider value={session}>
      <Editor projectId={projectId} />
    </SessionContext.Provider>
  );
}

function Editor({ projectId }: { projectId: string }) {
  useEditorKeys(projectId);
  useRenderEvents(projectId);
  const [view, setView] = useEditorView(projectId);
  return (
    <div className={`editor view-${view}`}>
      <TopBar projectId={projectId} view={view} onView={setView} />
      <aside className="sidebar" aria-label="Cast and locations">
        <EntityPanel kind={CHARACTERS} projectId={projectId} />
        <EntityPanel kind={LOCATIONS} projectId={projectId} />
      </aside>
      <div className="board-area">
        {view === 'edit' ? (
          <>
            {/* The board carries the render bar; Edit needs it as much (render, make the film). */}
            <div className="edit-render-bar">
              <RenderBar projectId={projectId} />
            </div>
            <Player projectId={projectId} />
          </>
        ) : view === 'review' ? (
          <ReviewView projectId={projectId} />
        ) : (
          <Board projectId={projectId} />
        )}
        <Timeline projectId={projectId} />
      </div>
      <DetailPane projectId={projectId} />
    </div>
  );
}
