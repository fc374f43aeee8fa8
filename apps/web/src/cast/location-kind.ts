import {
  defaultEnvironment,
  type EnvironmentBody,
  EnvironmentFields,
  type EnvironmentView,
} from '@ministudio/domain';
import * as api from '../api/endpoints';
import { upsertEnvironment } from '../api/project-patches';
import { addEnvironment, editEnvironment } from '../commands/entity-commands';
import { deleteLocation } from '../commands/entity-delete-commands';
import { locationImpact } from './deletion-impact';
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
  // Scenes set there lose their location; undo sets it again.
  remove: deleteLocation,
  impact: (p, e) => ({ shots: [], scenes: locationImpact(p, e.id) }),
  images: (e) => e.references.length + (e.plate ? 1 : 0),
  uploadReference: (id, file, v) => api.uploadEnvironmentReference(id, file, v).then(saved),
  deleteReference: (id, assetId, v) => api.deleteEnvironmentReference(id, assetId, v).then(saved),
};
