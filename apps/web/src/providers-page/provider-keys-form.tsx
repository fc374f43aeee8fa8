import type { ProviderDescription, ProviderSetting, ProviderSettingsWritten } from '@ministudio/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest } from '../api/http';
import { providersKey } from '../api/query-keys';

const saveSettings = (values: Record<string, string | null>) =>
  apiRequest<ProviderSettingsWritten>({
    method: 'PUT',
    path: '/api/providers/settings',
    body: { values },
    ifMatch: null,
  });

/** What a field says before anything is typed: whether it is set, where, and a long secret's last four. */
function placeholderOf(setting: ProviderSetting): string {
  if (!setting.set) return 'not set';
  const where = setting.source === 'env' ? 'set in the environment' : 'set in providers.json';
  return setting.hint ? `${where} (${setting.hint})` : where;
}

/**
 * The owner's form for one provider's settings: type to set or replace, clear to remove. Values go to
 * the server's providers.json and never come back (a long secret shows only its last four characters).
 * Overrides of base URLs (MINISTUDIO_*) are for proxies and tests and stay out of the form.
 */
export function ProviderKeysForm({
  provider,
  onSaved,
}: {
  provider: ProviderDescription;
  onSaved: () => void;
}) {
  const queryClient = useQueryClient();
  const settings = provider.settings.filter((s) => !s.name.startsWith('MINISTUDIO_'));
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [cleared, setCleared] = useState<Set<string>>(new Set());
  const [state, setState] = useState<'idle' | 'saving' | { ok: boolean; message: string }>('idle');
  if (settings.length === 0) return null;

  const changes: Record<string, string | null> = {};
  for (const name of cleared) changes[name] = null;
  for (const [name, value] of Object.entries(typed)) if (value.trim() !== '') changes[name] = value;
  const changed = Object.keys(changes).length > 0;

  const save = async () => {
    setState('saving');
    try {
      const written = await saveSettings(changes);
      queryClient.setQueryData(providersKey, written.providers);
      // What the file now sets, and every project's render check (a provider may be configured now).
      await queryClient.invalidateQueries({ queryKey: ['providers', 'settings-file'] });
      await queryClient.invalidateQueries({ queryKey: ['render-check'] });
      setTyped({});
      setCleared(new Set());
      const wins = written.environmentWins;
      setState({
        ok: wins.length === 0,
        message:
          wins.length === 0
            ? 'Saved to providers.json; in use now.'
            : `Saved to providers.json, but the studio's environment also sets ${wins.join(', ')}: the environment's value stays in use.`,
      });
      onSaved();
    } catch (error) {
      setState({ ok: false, message: `Not saved: ${(error as Error).message}` });
    }
  };

  return (
    <details className="provider-keys">
      <summary>Change settings</summary>
      <form
        aria-label={`Settings of ${provider.label} to change`}
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) void save();
        }}
      >
        {settings.map((s) => {
          const id = `setting-${provider.id}-${s.name}`;
          const clearing = cleared.has(s.name);
          return (
            <div className="provider-key-row" key={s.name}>
              <label htmlFor={id}>
                <code>{s.name}</code>
              </label>
              <input
                id={id}
                type={s.secret ? 'password' : 'text'}
                autoComplete="off"
                spellCheck={false}
                disabled={clearing}
                placeholder={clearing ? 'will be removed' : placeholderOf(s)}
                value={typed[s.name] ?? ''}
                onChange={(e) => setTyped({ ...typed, [s.name]: e.target.value })}
              />
              {s.set && s.source === 'file' && (
                <button
                  type="button"
                  aria-pressed={clearing}
                  aria-label={`${clearing ? 'Keep' : 'Clear'} ${s.name}`}
                  onClick={() => {
                    const next = new Set(cleared);
                    if (clearing) next.delete(s.name);
                    else next.add(s.name);
                    setCleared(next);
                  }}
                >
                  {clearing ? 'Keep' : 'Clear'}
                </button>
              )}
              {s.source === 'env' && (
                <span className="muted small">the environment's value wins over the file</span>
              )}
            </div>
          );
        })}
        <div className="provider-key-actions">
          <button type="submit" disabled={!changed || state === 'saving'}>
            {state === 'saving' ? 'Saving…' : 'Save and test'}
          </button>
          {typeof state === 'object' && (
            <span
              role="status"
              aria-label={`Settings of ${provider.label}`}
              className={state.ok ? 'connection-ok' : 'connection-failed'}
            >
              {state.message}
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
