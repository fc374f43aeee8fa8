import type { ProviderSettingsFile } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/http';

const settingsFile = () =>
  apiRequest<ProviderSettingsFile>({
    method: 'GET',
    path: '/api/providers/settings-file',
    body: null,
    ifMatch: null,
  });

/**
 * Where this studio's provider settings live: the environment of the server, or the providers.json of
 * its data folder, named by its real path (not "data/providers.json", which may be anywhere), with an
 * example to copy. The names the file sets are shown; their values never leave the server.
 */
export function SettingsFileNote() {
  const file = useQuery({ queryKey: ['providers', 'settings-file'], queryFn: settingsFile }).data;
  return (
    <section className="keys-note" aria-label="Where keys live">
      <p>
        MiniStudio never shows a key. Set each provider’s settings in the environment of the server (for
        example in the shell that starts it) or, with the same names, in this studio’s settings file
        {file ? (
          <>
            {' '}
            <code className="settings-path">{file.path}</code>{' '}
            {file.exists
              ? `(it sets ${file.namesSet.length ? file.namesSet.join(', ') : 'nothing yet'})`
              : '(not created yet)'}
          </>
        ) : (
          ' (providers.json in its data folder)'
        )}
        , then restart the server. The environment wins over the file. This page shows only which names a
        provider reads and whether each is set.
      </p>
      {file && (
        <details className="settings-example">
          <summary>Example of {file.path.split(/[\\/]/).pop()}</summary>
          <pre>{file.example}</pre>
        </details>
      )}
    </section>
  );
}
