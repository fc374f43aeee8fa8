import { navigate, projectPath } from '../lib/router';
import { useProviders } from '../render/render-queries';
import { ProviderCard } from './provider-card';

// Which providers exist, what each can do, and what configures it. The editor never asks for keys: they
// live in the server's environment or in data/providers.json, so they never pass through a browser.

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
      </header>
      <main className="list-main">
        <section className="keys-note" aria-label="Where keys live">
          <p>
            MiniStudio never asks for API keys here and never shows them. Set each provider’s settings in the
            environment of the server (for example in the shell that starts it) or in{' '}
            <code>data/providers.json</code> with the same names, then restart the server. This page shows
            only which names a provider reads and whether each is set.
          </p>
        </section>
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
