import { EnvironmentContext, EnvironmentFields, EnvironmentIdentity } from '@ministudio/domain';
import { ListField } from '../common/list-field';
import { TextField } from '../common/text-field';
import { EntityForm, EntityGone, EntityReferences } from './entity-form';
import { LOCATIONS, PLATE } from './location-kind';
import { ReferenceImages } from './reference-images';
import { useEntityEditing } from './use-entity-editing';

const CONDITIONS = [
  ['lighting', 'Lighting'],
  ['weather', 'Weather'],
  ['timeOfDay', 'Time of day'],
] as const;

export function EnvironmentEditor({
  projectId,
  environmentId,
}: {
  projectId: string;
  environmentId: string;
}) {
  const editing = useEntityEditing(LOCATIONS, projectId, environmentId);
  if (!editing) return <EntityGone noun={LOCATIONS.noun} />;
  const { entity: env, edit, save } = editing;
  const { identity, context } = env;
  return (
    <EntityForm editing={editing}>
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
        upload={(file) => save((v) => PLATE.put(env.id, file, v))}
        remove={() => save((v) => PLATE.remove(env.id, v))}
      />
      <EntityReferences editing={editing} />
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
        {CONDITIONS.map(([k, label]) => (
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
    </EntityForm>
  );
}
