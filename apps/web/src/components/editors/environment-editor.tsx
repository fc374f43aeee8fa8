import {
  type EnvironmentBody,
  EnvironmentContext,
  EnvironmentFields,
  EnvironmentIdentity,
  type EnvironmentView,
} from '@ministudio/domain';
import { useState } from 'react';
import * as api from '../../api/endpoints';
import { useProject } from '../../api/hooks';
import { removeEnvironment, upsertEnvironment } from '../../api/project-patches';
import { reportError } from '../../app/report-error';
import { useRun, useSelect, useSession } from '../../app/session';
import { editEnvironment } from '../../commands/entity-commands';
import { pick } from '../../commands/snapshots';
import { ConfirmDialog } from '../common/confirm-dialog';
import { ListField } from '../common/list-field';
import { TextField } from '../common/text-field';
import { ReferenceImages } from './reference-images';

export function EnvironmentEditor({
  projectId,
  environmentId,
}: {
  projectId: string;
  environmentId: string;
}) {
  const { editor } = useSession();
  const run = useRun();
  const select = useSelect();
  const [confirming, setConfirming] = useState(false);
  const env = useProject(projectId, (p) => p.environments.find((e) => e.id === environmentId) ?? null).data;
  if (!env) return <p className="muted pane-hint">This location no longer exists.</p>;
  const edit = <K extends keyof EnvironmentBody & keyof EnvironmentView>(
    label: string,
    after: Pick<EnvironmentBody, K>,
  ) =>
    void run(
      editEnvironment(
        editor,
        env.id,
        pick(env, Object.keys(after) as K[]) as Pick<EnvironmentBody, K>,
        after,
        label,
      ),
    );
  const write = <R extends { version: number; environment: EnvironmentView }>(
    send: (v: number) => Promise<R>,
  ) => editor.write(send, (p, r) => upsertEnvironment(p, r.environment, r.version));
  const { identity, context } = env;

  return (
    <form className="inspector" aria-label={`Location ${env.name}`} onSubmit={(e) => e.preventDefault()}>
      <h2>{env.name}</h2>
      <p className="muted small">Key: {env.key}</p>
      <TextField
        label="Name"
        value={env.name}
        schema={EnvironmentFields.properties.name}
        multiline={false}
        onCommit={(name) => edit('Rename location', { name })}
      />
      <TextField
        label="Place"
        value={env.location}
        schema={EnvironmentFields.properties.location}
        multiline={false}
        placeholder="e.g. a sunlit atelier in Kyoto"
        onCommit={(location) => edit('Edit place', { location })}
      />
      <ReferenceImages
        title="Plate"
        owner={env.name}
        images={env.plate ? [env.plate] : []}
        uploadLabel={env.plate ? 'Replace plate' : 'Upload plate'}
        upload={(file) => write((v) => api.putEnvironmentPlate(env.id, file, v))}
        remove={() => write((v) => api.deleteEnvironmentPlate(env.id, v))}
      />
      <ReferenceImages
        title="Reference images"
        owner={env.name}
        images={env.references}
        uploadLabel="Upload reference image"
        upload={(file) => write((v) => api.uploadEnvironmentReference(env.id, file, v))}
        remove={(asset) => write((v) => api.deleteEnvironmentReference(env.id, asset.id, v))}
      />
      <fieldset className="group">
        <legend>Identity</legend>
        <TextField
          label="Architecture"
          value={identity.architecture}
          schema={EnvironmentIdentity.properties.architecture}
          multiline
          rows={2}
          onCommit={(architecture) => edit('Edit architecture', { identity: { ...identity, architecture } })}
        />
        <ListField
          label="Fixed elements"
          value={identity.fixedElements}
          schema={EnvironmentIdentity.properties.fixedElements}
          onCommit={(fixedElements) =>
            edit('Edit fixed elements', { identity: { ...identity, fixedElements } })
          }
        />
        <ListField
          label="Palette"
          value={identity.palette}
          schema={EnvironmentIdentity.properties.palette}
          onCommit={(palette) => edit('Edit palette', { identity: { ...identity, palette } })}
        />
      </fieldset>
      <fieldset className="group">
        <legend>Conditions</legend>
        {(
          [
            ['lighting', 'Lighting'],
            ['weather', 'Weather'],
            ['timeOfDay', 'Time of day'],
          ] as const
        ).map(([k, label]) => (
          <TextField
            key={k}
            label={label}
            value={context[k]}
            schema={EnvironmentContext.properties[k]}
            multiline={false}
            onCommit={(value) => edit(`Edit ${label.toLowerCase()}`, { context: { ...context, [k]: value } })}
          />
        ))}
      </fieldset>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete location
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${env.name}?`}
          message="Scenes set here will have no location. Its plate and reference images are deleted. This cannot be undone."
          confirmLabel="Delete location"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            editor
              .write(
                (v) => api.deleteEnvironment(env.id, v),
                (p, r) => removeEnvironment(p, env.id, r.version),
              )
              .then(() => select({ kind: 'none' }))
              .catch((e) => reportError(e, 'delete the location'));
          }}
        />
      )}
    </form>
  );
}
