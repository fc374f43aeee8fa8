import { useId, useState } from 'react';
import { useRenderDeps } from './use-render-deps';

/** The formats of GET /api/projects/:id/edit, with who opens each (the API's list: @ministudio/edit-export). */
export const EDIT_CHOICES = [
  { value: 'otio', label: 'OpenTimelineIO', note: 'Resolve, Kdenlive, Premiere (plugin)' },
  { value: 'fcpxml', label: 'FCPXML', note: 'Final Cut Pro, Resolve' },
  { value: 'edl', label: 'EDL (CMX 3600)', note: 'every editor' },
  { value: 'mlt', label: 'MLT', note: 'Shotcut, Kdenlive' },
] as const;
export type EditChoice = (typeof EDIT_CHOICES)[number]['value'];

export const editExportUrl = (projectId: string, format: EditChoice, clips: boolean) =>
  `/api/projects/${encodeURIComponent(projectId)}/edit?format=${format}${clips ? '' : '&media=none'}`;
export const storyboardUrl = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/storyboard.pdf`;

/** Lets the browser download `href` as a file (it streams it to disk; the page never holds the bytes). */
function saveLink(href: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The edit handed on to other editing software (a zip of the edit file and the clips, or the file alone) and
 * the printable storyboard. Before a zip starts, the edit file alone is asked for: it is small, and its refusal
 * says which shots still need a take (they are highlighted) instead of a broken download.
 */
export function EditHandoff({ projectId }: { projectId: string }) {
  const id = useId();
  const { store } = useRenderDeps();
  const [format, setFormat] = useState<EditChoice>('otio');
  const [clips, setClips] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const check = await fetch(editExportUrl(projectId, format, false));
      if (!check.ok) {
        const body = (await check.json().catch(() => null)) as {
          error?: { code?: string; message?: string; details?: { shotIds?: unknown } };
        } | null;
        const ids = body?.error?.details?.shotIds;
        if (body?.error?.code === 'not_ready' && Array.isArray(ids))
          store.getState().setMissing(ids.filter((x): x is string => typeof x === 'string'));
        setProblem(body?.error?.message ?? `The edit could not be made (HTTP ${check.status}).`);
        return;
      }
      saveLink(editExportUrl(projectId, format, clips));
    } catch {
      setProblem('The studio could not be reached.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="edit-handoff" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Edit for another editor</h3>
      <fieldset>
        <legend>Format</legend>
        {EDIT_CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={`${id}-format`}
              value={choice.value}
              checked={format === choice.value}
              onChange={() => setFormat(choice.value)}
            />
            {choice.label} <span className="choice-note">{choice.note}</span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={clips} onChange={(e) => setClips(e.target.checked)} />
        With the clips <span className="choice-note">a zip that opens on another machine</span>
      </label>
      {problem && (
        <p className="render-error" role="alert">
          {problem}
        </p>
      )}
      <div className="handoff-actions">
        <button type="button" disabled={busy} onClick={() => void download()}>
          {busy ? 'Preparing…' : clips ? 'Download edit (zip)' : 'Download edit file'}
        </button>
        <a className="button" href={storyboardUrl(projectId)} download>
          Storyboard PDF
        </a>
      </div>
    </section>
  );
}
