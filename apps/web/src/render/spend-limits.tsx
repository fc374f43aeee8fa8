import { formatUsd, MICROS_PER_USD, parseUsd, type SpendLimitsView } from '@ministudio/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useRole } from '../account/use-account';
import { apiRequest } from '../api/http';
import { useNotices } from '../stores/notice-store';
import { useProviders } from './render-queries';

// The owner's daily and monthly limits, for the studio and per video provider. A render past one is
// refused before it is queued; the server counts (UTC days and months) and checks, this only edits.

const limitsKey = ['spend-limits'] as const;
const getLimits = () =>
  apiRequest<SpendLimitsView>({ method: 'GET', path: '/api/spend/limits', body: null, ifMatch: null });
const putLimits = (path: string, dailyMicros: number | null, monthlyMicros: number | null) =>
  apiRequest<SpendLimitsView>({ method: 'PUT', path, body: { dailyMicros, monthlyMicros }, ifMatch: null });

/** "12.50" for an amount, "" for none. */
const asText = (micros: number | null) =>
  micros === null ? '' : String(Number((micros / MICROS_PER_USD).toFixed(6)));

export function SpendLimitsButton() {
  const [open, setOpen] = useState(false);
  if (useRole() !== 'owner') return null;
  return (
    <>
      <button
        type="button"
        className="spend-limits-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Spend limits…
      </button>
      {open && <SpendLimitsPanel onClose={() => setOpen(false)} />}
    </>
  );
}

function SpendLimitsPanel({ onClose }: { onClose: () => void }) {
  const limits = useQuery({ queryKey: limitsKey, queryFn: getLimits }).data;
  // What runs on this studio's machines costs nothing: no limit to set.
  const providers = (useProviders().data ?? []).filter(
    (p) => p.kind === 'video' && !p.models.every((m) => m.price?.source === 'self-hosted'),
  );
  if (!limits) return null;
  const rows = [
    { id: 'studio', label: 'Whole studio', path: '/api/spend/limits/studio', ...limits.studio },
    ...providers.map((p) => {
      const set = limits.providers.find((l) => l.provider === p.id);
      return {
        id: p.id,
        label: p.label,
        path: `/api/spend/limits/providers/${encodeURIComponent(p.id)}`,
        dailyMicros: set?.dailyMicros ?? null,
        monthlyMicros: set?.monthlyMicros ?? null,
        spent: set?.spent ?? { dayMicros: 0, monthMicros: 0 },
      };
    }),
  ];
  return (
    <section className="spend-limits" aria-label="Spend limits">
      <header>
        <strong>Spend limits</strong>{' '}
        <span className="muted">(US dollars; empty: no limit; days and months in UTC)</span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {rows.map((row) => (
        <LimitRow key={row.id} {...row} />
      ))}
    </section>
  );
}

function LimitRow(props: {
  label: string;
  path: string;
  dailyMicros: number | null;
  monthlyMicros: number | null;
  spent: { dayMicros: number; monthMicros: number };
}) {
  const client = useQueryClient();
  const [daily, setDaily] = useState(asText(props.dailyMicros));
  const [monthly, setMonthly] = useState(asText(props.monthlyMicros));
  const read = (text: string) => (text.trim() === '' ? null : parseUsd(text));
  const dailyMicros = read(daily);
  const monthlyMicros = read(monthly);
  const invalid =
    (daily.trim() !== '' && dailyMicros === null) || (monthly.trim() !== '' && monthlyMicros === null);
  const save = async () => {
    try {
      const view = await putLimits(props.path, dailyMicros, monthlyMicros);
      client.setQueryData(limitsKey, view);
      void client.invalidateQueries({ queryKey: ['render-estimate'] });
      useNotices.getState().show('info', `Limits saved for ${props.label}.`);
    } catch (error) {
      useNotices.getState().show('error', `Could not save the limits: ${(error as Error).message}`);
    }
  };
  return (
    <form
      className="spend-limit-row"
      aria-label={`Limits for ${props.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) void save();
      }}
    >
      <span className="spend-limit-name">{props.label}</span>
      <label>
        Daily $
        <input value={daily} inputMode="decimal" onChange={(e) => setDaily(e.target.value)} />
      </label>
      <label>
        Monthly $
        <input value={monthly} inputMode="decimal" onChange={(e) => setMonthly(e.target.value)} />
      </label>
      <span className="muted">
        spent {formatUsd(props.spent.dayMicros)} today, {formatUsd(props.spent.monthMicros)} this month
      </span>
      <button type="submit" disabled={invalid}>
        Save
      </button>
      {invalid && <span role="alert">An amount like 12.50</span>}
    </form>
  );
}
