import type { ConnectionTest } from '@ministudio/domain';
import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '../api/http';

const runTest = (id: string) =>
  apiRequest<ConnectionTest>({
    method: 'POST',
    path: `/api/providers/${encodeURIComponent(id)}/test`,
    body: null,
    ifMatch: null,
  });

/** "Test connection": the server makes one cheap authenticated call and says what it found. */
export function TestConnection({ id, label, rerun = 0 }: { id: string; label: string; rerun?: number }) {
  const [state, setState] = useState<'idle' | 'testing' | ConnectionTest>('idle');
  const test = async () => {
    setState('testing');
    try {
      setState(await runTest(id));
    } catch (error) {
      setState({ ok: false, message: `Could not test ${label}: ${(error as Error).message}` });
    }
  };
  // `rerun` grows when the provider's settings were saved: test them at once, as the owner would next.
  const lastRun = useRef(rerun);
  useEffect(() => {
    if (rerun === lastRun.current) return;
    lastRun.current = rerun;
    void test();
  });
  return (
    <div className="connection-test">
      <button
        type="button"
        aria-label={`Test connection to ${label}`}
        disabled={state === 'testing'}
        onClick={() => void test()}
      >
        {state === 'testing' ? 'Testing…' : 'Test connection'}
      </button>
      {typeof state === 'object' && (
        <span
          role="status"
          aria-label={`Connection to ${label}`}
          className={state.ok ? 'connection-ok' : 'connection-failed'}
        >
          {state.ok ? '✓ ' : '✗ '}
          {state.message}
        </span>
      )}
    </div>
  );
}
