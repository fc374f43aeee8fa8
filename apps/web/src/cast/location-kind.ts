import {
  defaultEnvironment,
  type EnvironmentBody,
  EnvironmentFields,
  type EnvironmentView,
} from '@ministudio/domain';
import * as api from '../api/endpoints';
import { removeEnvironment, upsertEnvironment } from '../api/project-patches';
import { addEnvironment, editEnvironment } from '../commands/entity-commands';
import type { EntityKind, Saved } from './entity-kind';

const saved = (r: { version: number; environment: EnvironmentView }): Saved<EnvironmentView> => ({
  version: r.version,
  entity: r.environment,
});

/** The locked plate: a location's one establishing image, replaced rather than added to. */
export const PLATE = {
  put: (id: string, file: File, v: number) => api.putEnvironmentPlate(id, file, v).then(saved),
  remove: (id: string, v: number) => api.deleteEnvironmentPlate(id, v).then(saved),
};

// Locations are environments in the API; the editor calls them what a filmmaker does.
export const LOCATIONS: EntityKind<EnvironmentView, EnvironmentBody> = {
  selection: 'environment',
  noun: 'location',
  title: 'Location',
  heading: 'Locations',
  nameSchema: EnvironmentFields.properties.name,
  all: (p) => p.environments,
  thumb: (e) => e.plate ?? e.references[0] ?? null,
  summary: (e) => e.location || (e.plate ? 'plate locked' : 'no plate yet'),
  create: defaultEnvironment,
  add: addEnvironment,
  edit: editEnvironment,
  upsert: upsertEnvironment,
  // Scenes set there simply lose their location: the server never answers in_use, so force changes nothing.
  remove: (id, _force, v) => api.deleteEnvironment(id, v),
  dropped: removeEnvironment,
  uploadReference: (id, file, v) => api.uploadEnvironmentReference(id, file, v).then(saved),
  deleteReference: (id, assetId, v) => api.deleteEnvironmentReference(id, assetId, v).then(saved),
  deleteMessage: () =>
    'Scenes set here will have no location. Its plate and reference images are deleted. This cannot be undone.',
};
