import type { ConnectionTest } from '@ministudio/domain';
import { useState } from 'react';
import { apiRequest } from '../api/http';

const runTest = (id: string) =>
  apiRequest<ConnectionTest>({
    method: 'POST',
    path: `/api/providers/${encodeURIComponent(id)}/test`,
    body: null,
    ifMatch: null,
  });

/** "Test connection": the server makes one cheap authenticated call and says what it found. */
export function TestConnection({ id, label }: { id: string; label: string }) {
  const [state, setState] = useState<'idle' | 'testing' | ConnectionTest>('idle');
  const test = async () => {
    setState('testing');
    try {
      setState(await runTest(id));
    } catch (error) {
      setState({ ok: false, message: `Could not test ${label}: ${(error as Error).message}` });
    }
  };
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
