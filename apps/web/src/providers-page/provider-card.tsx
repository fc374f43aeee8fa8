import type { ProviderDescription, VideoCapabilities } from '@ministudio/domain';
import { useState } from 'react';
import { roleAtLeast } from '../account/account-text';
import { useRole } from '../account/use-account';
import { formatDurations, formatReferences, formatRequired, formatSizes } from '../render/provider-options';
import { ProviderKeysForm } from './provider-keys-form';
import { TestConnection } from './test-connection';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function ProviderCard({ provider }: { provider: ProviderDescription }) {
  const headingId = `provider-${provider.id}`;
  // Only an owner may configure providers (the server refuses anyone else as well).
  const mayConfigure = roleAtLeast(useRole(), 'owner');
  const [saves, setSaves] = useState(0);
  return (
    <li
      className={`provider-card${provider.configured ? ' configured' : ''}`}
      aria-labelledby={headingId}
      data-provider={provider.id}
    >
      <header className="provider-head">
        <h3 id={headingId}>{provider.label}</h3>
        <code className="provider-id">{provider.id}</code>
        <span
          className={`provider-state ${provider.configured ? 'state-on' : 'state-off'}`}
          data-configured={provider.configured}
        >
          {provider.configured ? 'configured' : 'not configured'}
        </span>
      </header>
      <p className="provider-required">
        <span className="muted">Needs: </span>
        {formatRequired(provider.required)}
      </p>
      <TestConnection id={provider.id} label={provider.label} rerun={saves} />
      {provider.settings.length > 0 && (
        <ul className="provider-settings" aria-label={`Settings of ${provider.label}`}>
          {provider.settings.map((s) => (
            <li key={s.name}>
              <code>{s.name}</code>
              <span className={s.set ? 'setting-set' : 'setting-unset'}>{s.set ? 'set' : 'not set'}</span>
              {s.secret && <span className="muted small">secret</span>}
              {s.hint && <span className="muted small">{s.hint}</span>}
              {s.set && s.source === 'env' && <span className="muted small">from the environment</span>}
            </li>
          ))}
        </ul>
      )}
      {mayConfigure && <ProviderKeysForm provider={provider} onSaved={() => setSaves((n) => n + 1)} />}
      {provider.models.length > 0 && (
        <div className="models">
          {provider.models.map((m) => (
            <ModelCapabilities key={m.model} caps={m} />
          ))}
        </div>
      )}
    </li>
  );
}

function ModelCapabilities({ caps }: { caps: VideoCapabilities }) {
  return (
    <div className="model">
      <h4>
        {caps.label} <code className="muted">{caps.model}</code>
      </h4>
      <dl className="capabilities">
        <dt>Durations</dt>
        <dd>{formatDurations(caps.durations)}</dd>
        <dt>Sizes</dt>
        <dd>{formatSizes(caps)}</dd>
        <dt>Seed</dt>
        <dd>{yesNo(caps.seed)}</dd>
        <dt>First / last frame</dt>
        <dd>
          {yesNo(caps.firstFrame)} / {yesNo(caps.lastFrame)}
        </dd>
        <dt>Reference images</dt>
        <dd>{formatReferences(caps)}</dd>
        <dt>Native audio</dt>
        <dd>{yesNo(caps.nativeAudio)}</dd>
        <dt>Max prompt</dt>
        <dd>{caps.maxPromptLength.toLocaleString('en')} characters</dd>
      </dl>
      {caps.exclusions.length > 0 && (
        <ul className="exclusions" aria-label="Exclusions">
          {caps.exclusions.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
