import type {
  CharacterBody,
  CharacterCreateBody,
  CharacterView,
  CreateProjectBody,
  EnvironmentBody,
  EnvironmentCreateBody,
  EnvironmentView,
  PatchProjectBody,
  ProjectSummary,
  ProjectView,
  SceneBody,
  SceneView,
  ShotBody,
  ShotView,
} from '@ministudio/domain';
import { apiRequest } from './http';

// Typed wrappers over docs/api.md. Writes take the version they are based on (If-Match).

type Versioned<K extends string, T> = { version: number } & { [P in K]: T };
export type VersionOnly = { version: number };

const enc = encodeURIComponent;

export const listProjects = () =>
  apiRequest<ProjectSummary[]>({ method: 'GET', path: '/api/projects', body: null, ifMatch: null });
export const getProject = (id: string) =>
  apiRequest<ProjectView>({ method: 'GET', path: `/api/projects/${enc(id)}`, body: null, ifMatch: null });
export const createProject = (body: CreateProjectBody) =>
  apiRequest<Versioned<'project', ProjectView>>({
    method: 'POST',
    path: '/api/projects',
    body,
    ifMatch: null,
  });
export const patchProject = (id: string, body: PatchProjectBody, version: number) =>
  apiRequest<Versioned<'project', ProjectView>>({
    method: 'PATCH',
    path: `/api/projects/${enc(id)}`,
    body,
    ifMatch: version,
  });
export const deleteProject = (id: string, version: number) =>
  apiRequest<VersionOnly>({
    method: 'DELETE',
    path: `/api/projects/${enc(id)}`,
    body: null,
    ifMatch: version,
  });
export const duplicateProject = (id: string, title: string | null, version: number) =>
  apiRequest<Versioned<'project', ProjectView>>({
    method: 'POST',
    path: `/api/projects/${enc(id)}/duplicate`,
    body: title === null ? {} : { title },
    ifMatch: version,
  });
export const importProject = (document: unknown) =>
  apiRequest<{ id: string; version: number }>({
    method: 'POST',
    path: '/api/projects/import',
    body: document,
    ifMatch: null,
  });
export const exportUrl = (id: string) => `/api/projects/${enc(id)}/export`;

export const createCharacter = (projectId: string, body: CharacterCreateBody, version: number) =>
  apiRequest<Versioned<'character', CharacterView>>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/characters`,
    body,
    ifMatch: version,
  });
export const patchCharacter = (id: string, body: CharacterBody, version: number) =>
  apiRequest<Versioned<'character', CharacterView>>({
    method: 'PATCH',
    path: `/api/characters/${enc(id)}`,
    body,
    ifMatch: version,
  });
export const deleteCharacter = (id: string, force: boolean, version: number) =>
  apiRequest<VersionOnly>({
    method: 'DELETE',
    path: `/api/characters/${enc(id)}${force ? '?force=true' : ''}`,
    body: null,
    ifMatch: version,
  });
export const uploadCharacterReference = (id: string, file: File, version: number) =>
  apiRequest<Versioned<'character', CharacterView>>({
    method: 'POST',
    path: `/api/characters/${enc(id)}/references`,
    body: fileForm(file),
    ifMatch: version,
  });
export const deleteCharacterReference = (id: string, assetId: string, version: number) =>
  apiRequest<Versioned<'character', CharacterView>>({
    method: 'DELETE',
    path: `/api/characters/${enc(id)}/references/${enc(assetId)}`,
    body: null,
    ifMatch: version,
  });

export const createEnvironment = (projectId: string, body: EnvironmentCreateBody, version: number) =>
  apiRequest<Versioned<'environment', EnvironmentView>>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/environments`,
    body,
    ifMatch: version,
  });
export const patchEnvironment = (id: string, body: EnvironmentBody, version: number) =>
  apiRequest<Versioned<'environment', EnvironmentView>>({
    method: 'PATCH',
    path: `/api/environments/${enc(id)}`,
    body,
    ifMatch: version,
  });
export const deleteEnvironment = (id: string, version: number) =>
  apiRequest<VersionOnly>({
    method: 'DELETE',
    path: `/api/environments/${enc(id)}`,
    body: null,
    ifMatch: version,
  });
export const uploadEnvironmentReference = (id: string, file: File, version: number) =>
  apiRequest<Versioned<'environment', EnvironmentView>>({
    method: 'POST',
    path: `/api/environments/${enc(id)}/references`,
    body: fileForm(file),
    ifMatch: version,
  });
export const deleteEnvironmentReference = (id: string, assetId: string, version: number) =>
  apiRequest<Versioned<'environment', EnvironmentView>>({
    method: 'DELETE',
    path: `/api/environments/${enc(id)}/references/${enc(assetId)}`,
    body: null,
    ifMatch: version,
  });
export const putEnvironmentPlate = (id: string, file: File, version: number) =>
  apiRequest<Versioned<'environment', EnvironmentView>>({
    method: 'PUT',
    path: `/api/environments/${enc(id)}/plate`,
    body: fileForm(file),
    ifMatch: version,
  });
export const deleteEnvironmentPlate = (id: string, version: number) =>
  apiRequest<Versioned<'environment', EnvironmentView>>({
    method: 'DELETE',
    path: `/api/environments/${enc(id)}/plate`,
    body: null,
    ifMatch: version,
  });

export const createScene = (projectId: string, body: SceneBody, version: number) =>
  apiRequest<Versioned<'scene', SceneView>>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/scenes`,
    body,
    ifMatch: version,
  });
export const patchScene = (id: string, body: SceneBody, version: number) =>
  apiRequest<Versioned<'scene', SceneView>>({
    method: 'PATCH',
    path: `/api/scenes/${enc(id)}`,
    body,
    ifMatch: version,
  });
export const deleteScene = (id: string, version: number) =>
  apiRequest<VersionOnly>({ method: 'DELETE', path: `/api/scenes/${enc(id)}`, body: null, ifMatch: version });
export const duplicateScene = (id: string, version: number) =>
  apiRequest<Versioned<'scene', SceneView>>({
    method: 'POST',
    path: `/api/scenes/${enc(id)}/duplicate`,
    body: null,
    ifMatch: version,
  });
export const putSceneOrder = (projectId: string, ids: string[], version: number) =>
  apiRequest<Versioned<'project', ProjectView>>({
    method: 'PUT',
    path: `/api/projects/${enc(projectId)}/scene-order`,
    body: { ids },
    ifMatch: version,
  });

export const createShot = (sceneId: string, body: ShotBody, version: number) =>
  apiRequest<Versioned<'shot', ShotView>>({
    method: 'POST',
    path: `/api/scenes/${enc(sceneId)}/shots`,
    body,
    ifMatch: version,
  });
export const patchShot = (id: string, body: ShotBody, version: number) =>
  apiRequest<Versioned<'shot', ShotView>>({
    method: 'PATCH',
    path: `/api/shots/${enc(id)}`,
    body,
    ifMatch: version,
  });
export const deleteShot = (id: string, version: number) =>
  apiRequest<VersionOnly>({ method: 'DELETE', path: `/api/shots/${enc(id)}`, body: null, ifMatch: version });
export const duplicateShot = (id: string, version: number) =>
  apiRequest<Versioned<'shot', ShotView>>({
    method: 'POST',
    path: `/api/shots/${enc(id)}/duplicate`,
    body: null,
    ifMatch: version,
  });
export const putShotOrder = (sceneId: string, ids: string[], version: number) =>
  apiRequest<Versioned<'scene', SceneView>>({
    method: 'PUT',
    path: `/api/scenes/${enc(sceneId)}/shot-order`,
    body: { ids },
    ifMatch: version,
  });

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
