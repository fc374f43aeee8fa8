import { ProjectSettings } from '@ministudio/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createProject } from '../api/endpoints';
import { projectKey, projectsKey } from '../api/query-keys';
import { reportError } from '../app/report-error';
import { navigate, projectPath } from '../lib/router';
import { validateField } from '../lib/validate-field';

export function NewProjectForm() {
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [touched, setTouched] = useState(false);
  const error = validateField(ProjectSettings.properties.title, title.trim());
  const create = useMutation({
    mutationFn: (t: string) => createProject({ title: t }),
    onSuccess: ({ project }) => {
      client.setQueryData(projectKey(project.id), project);
      void client.invalidateQueries({ queryKey: projectsKey });
      navigate(projectPath(project.id));
    },
    onError: (e) => reportError(e, 'create the project'),
  });
  return (
    <form
      className="new-project"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!error) create.mutate(title.trim());
      }}
    >
      <div className={`field${touched && error ? ' field-invalid' : ''}`}>
        <label htmlFor="new-project-title">New project title</label>
        <input
          id="new-project-title"
          value={title}
          placeholder="e.g. The Lighthouse Keeper"
          aria-invalid={touched && error ? true : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        {touched && error && <p className="field-error">{error}</p>}
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>
        Create project
      </button>
    </form>
  );
}
