import { AccountMenu } from '../account/account-menu';
import { navigate, projectPath } from '../lib/router';
import { useProviders } from '../render/render-queries';
import { ProviderCard } from './provider-card';
import { SettingsFileNote } from './settings-file-note';

// Which providers exist, what each can do, and what configures it. Keys live in the server's environment
// or its providers.json; an owner may type one here, which goes to the server and never comes back.

export function ProvidersPage() {
  const providers = useProviders();
  const from = new URLSearchParams(window.location.search).get('project');
  const back = from ? projectPath(from) : '/';
  const video = providers.data?.filter((p) => p.kind === 'video') ?? [];
  const speech = providers.data?.filter((p) => p.kind === 'speech') ?? [];
  return (
    <div className="list-page providers-page">
      <header className="list-header">
        <a
          className="back-link"
          href={back}
          onClick={(e) => {
            e.preventDefault();
            navigate(back);
          }}
        >
          ← {from ? 'Back to the project' : 'Projects'}
        </a>
        <h1>Providers</h1>
        <AccountMenu />
      </header>
      <main className="list-main">
        <SettingsFileNote />
        {providers.isPending && <p className="muted">Loading providers…</p>}
        {providers.isError && <p className="muted">Could not load providers: {providers.error.message}</p>}
        {video.length > 0 && (
          <section aria-labelledby="video-providers">
            <h2 id="video-providers">Video</h2>
            <ul className="provider-list">
              {video.map((p) => (
                <ProviderCard key={p.id} provider={p} />
              ))}
            </ul>
          </section>
        )}
        {speech.length > 0 && (
          <section aria-labelledby="speech-providers">
            <h2 id="speech-providers">Speech</h2>
            <ul className="provider-list">
              {speech.map((p) => (
                <ProviderCard key={p.id} provider={p} />
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
