import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { importProject } from '../api/endpoints';
import { ApiError } from '../api/http';
import { projectsKey } from '../api/query-keys';
import { reportError } from '../app/report-error';
import { navigate, projectPath } from '../lib/router';
import { useNotices } from '../stores/notice-store';
import { importSummary } from './import-summary';

/** Imports a production file (the JSON that Export gives), says what it imported and opens it. */
export function ImportButton() {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File) => {
    setBusy(true);
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        useNotices
          .getState()
          .show('error', `Could not import ${file.name}: it is not a JSON production file.`);
        return;
      }
      const { id } = await importProject(document);
      await client.invalidateQueries({ queryKey: projectsKey });
      // Say what came in, and open it: the import is what the user wanted to work on.
      useNotices.getState().show('info', importSummary(document, file.name));
      navigate(projectPath(id));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation_failed') {
        const issues =
          (error.details as { issues?: { path: string; message: string }[] } | null)?.issues ?? [];
        const first = issues[0];
        useNotices
          .getState()
          .show(
            'error',
            `Could not import ${file.name}: ${first ? `${first.path} ${first.message}` : error.message}`,
          );
      } else reportError(error, `import ${file.name}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="import">
      <label className={`button${busy ? ' disabled' : ''}`} htmlFor="import-file">
        Import production file
      </label>
      <input
        id="import-file"
        className="visually-hidden-file"
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void onFile(file);
        }}
      />
    </div>
  );
}
