import { ProjectSettings, type ProjectSummary } from '@ministudio/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteProject, duplicateProject, exportUrl, patchProject } from '../api/endpoints';
import { ApiError } from '../api/http';
import { projectKey, projectsKey } from '../api/query-keys';
import { reportError } from '../app/report-error';
import { ConfirmDialog } from '../common/confirm-dialog';
import { navigate, projectPath } from '../lib/router';
import { validateField } from '../lib/validate-field';
import { CONFLICT_MESSAGE, useNotices } from '../stores/notice-store';

export function ProjectRow({ project }: { project: ProjectSummary }) {
  const client = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [title, setTitle] = useState(project.title);
  const titleError = validateField(ProjectSettings.properties.title, title.trim());

  const run = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict)
        useNotices.getState().show('conflict', CONFLICT_MESSAGE);
      else reportError(error, what);
    } finally {
      await client.invalidateQueries({ queryKey: projectsKey });
      client.removeQueries({ queryKey: projectKey(project.id) });
    }
  };

  const open = () => navigate(projectPath(project.id));
  const updated = new Date(project.updatedAt);

  return (
    <li className="project-row">
      {renaming ? (
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (titleError) return;
            setRenaming(false);
            void run('rename the project', () =>
              patchProject(project.id, { title: title.trim() }, project.version),
            );
          }}
        >
          <div className={`field${titleError ? ' field-invalid' : ''}`}>
            <label htmlFor={`rename-${project.id}`}>New title for {project.title}</label>
            <input
              id={`rename-${project.id}`}
              value={title}
              // biome-ignore lint/a11y/noAutofocus: the user just asked to rename; typing should go here.
              autoFocus
              onChange={(e) => setTitle(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setTitle(project.title);
                  setRenaming(false);
                }
              }}
            />
            {titleError && <p className="field-error">{titleError}</p>}
          </div>
          <button type="submit" className="primary">
            Save title
          </button>
          <button
            type="button"
            onClick={() => {
              setTitle(project.title);
              setRenaming(false);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          <a
            className="project-open"
            href={projectPath(project.id)}
            onClick={(e) => {
              e.preventDefault();
              open();
            }}
          >
            <span className="project-title">{project.title}</span>
            <span className="project-meta">
              {project.sceneCount} {project.sceneCount === 1 ? 'scene' : 'scenes'} · {project.shotCount}{' '}
              {project.shotCount === 1 ? 'shot' : 'shots'} · {project.aspectRatio} · {project.style} · updated{' '}
              <time dateTime={project.updatedAt}>{updated.toLocaleString()}</time>
            </span>
          </a>
          <div className="row-actions">
            <button type="button" aria-label={`Rename ${project.title}`} onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button
              type="button"
              aria-label={`Duplicate ${project.title}`}
              onClick={() =>
                void run('duplicate the project', () =>
                  duplicateProject(project.id, `${project.title} (copy)`.slice(0, 120), project.version),
                )
              }
            >
              Duplicate
            </button>
            <a
              className="button"
              href={exportUrl(project.id)}
              download
              aria-label={`Export ${project.title}`}
            >
              Export
            </a>
            {/* A destructive action that looks like one (muted, it read as a disabled button). */}
            <button
              type="button"
              className="danger"
              aria-label={`Delete ${project.title}`}
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </div>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete “${project.title}”?`}
          message="The project, its characters, locations, scenes and shots will be deleted. This cannot be undone."
          confirmLabel="Delete project"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run('delete the project', () => deleteProject(project.id, project.version));
          }}
        />
      )}
    </li>
  );
}
