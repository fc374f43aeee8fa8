import { useId } from 'react';
import { providerGroups } from './provider-options';
import { useProviders } from './render-queries';

/**
 * A video provider choice ("provider" or "provider:model"). With `defaultLabel`, the empty value means
 * "the project default".
 */
export function ProviderSelect({
  label,
  value,
  defaultLabel,
  onChange,
}: {
  label: string;
  value: string;
  defaultLabel: string | null;
  onChange(next: string): void;
}) {
  const id = useId();
  const providers = useProviders().data ?? [];
  const groups = providerGroups(providers, value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {defaultLabel !== null && <option value="">{defaultLabel}</option>}
        {/* Before the list arrives, keep the current value selectable rather than blank. */}
        {providers.length === 0 && value !== '' && <option value={value}>{value}</option>}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
