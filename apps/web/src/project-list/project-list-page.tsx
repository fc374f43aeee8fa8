import { AccountMenu } from '../account/account-menu';
import { useCanEdit } from '../account/use-account';
import { useProjects } from '../api/hooks';
import { navigate } from '../lib/router';
import { ImportButton } from './import-button';
import { NewProjectForm } from './new-project-form';
import { ProjectRow } from './project-row';

export function ProjectListPage() {
  const projects = useProjects();
  const canEdit = useCanEdit();
  return (
    <div className="list-page">
      <header className="list-header">
        <h1 className="brand">
          Mini<span>Studio</span>
        </h1>
        <p className="tagline">Storyboards for AI filmmaking</p>
        <a
          className="header-link"
          href="/providers"
          onClick={(e) => {
            e.preventDefault();
            navigate('/providers');
          }}
        >
          Providers
        </a>
        <AccountMenu />
      </header>
      <main className="list-main">
        {canEdit ? (
          <section className="list-actions" aria-label="New project">
            <NewProjectForm />
            <ImportButton />
          </section>
        ) : (
          <p className="muted">
            You can watch, review and download these projects. Making or changing one needs the editor role.
          </p>
        )}
        <section aria-labelledby="projects-heading">
          <h2 id="projects-heading">Projects</h2>
          {projects.isPending && <p className="muted">Loading projects…</p>}
          {projects.isError && <p className="muted">Could not load projects: {projects.error.message}</p>}
          {projects.data && projects.data.length === 0 && (
            <p className="muted">No projects yet. Create one above.</p>
          )}
          {projects.data && (
            <ul className="project-list">
              {projects.data.map((p) => (
                <ProjectRow key={p.id} project={p} />
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
