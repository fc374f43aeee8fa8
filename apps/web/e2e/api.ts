import type { APIRequestContext } from '@playwright/test';

// Arranging data through the real API, so each test starts from what it needs.

export interface Arranged {
  projectId: string;
  sceneId: string;
  shotIds: string[];
}

export async function arrangeProject(
  request: APIRequestContext,
  title: string,
  actions: string[],
): Promise<Arranged> {
  const created = await request.post('/api/projects', { data: { title } });
  if (!created.ok()) throw new Error(`create project: ${created.status()} ${await created.text()}`);
  let { version, project } = (await created.json()) as { version: number; project: { id: string } };
  const sceneRes = await request.post(`/api/projects/${project.id}/scenes`, {
    data: { title: 'Opening' },
    headers: { 'if-match': String(version) },
  });
  if (!sceneRes.ok()) throw new Error(`create scene: ${sceneRes.status()} ${await sceneRes.text()}`);
  const sceneBody = (await sceneRes.json()) as { version: number; scene: { id: string } };
  version = sceneBody.version;
  const shotIds: string[] = [];
  for (const action of actions) {
    const res = await request.post(`/api/scenes/${sceneBody.scene.id}/shots`, {
      data: { action },
      headers: { 'if-match': String(version) },
    });
    if (!res.ok()) throw new Error(`create shot: ${res.status()} ${await res.text()}`);
    const body = (await res.json()) as { version: number; shot: { id: string } };
    version = body.version;
    shotIds.push(body.shot.id);
  }
  return { projectId: project.id, sceneId: sceneBody.scene.id, shotIds };
}

export async function shotAction(
  request: APIRequestContext,
  projectId: string,
  shotId: string,
): Promise<string> {
  const res = await request.get(`/api/projects/${projectId}`);
  const project = (await res.json()) as { scenes: { shots: { id: string; action: string }[] }[] };
  const shot = project.scenes.flatMap((s) => s.shots).find((s) => s.id === shotId);
  if (!shot) throw new Error('shot not found');
  return shot.action;
}

/** Adds a scene with shots to an arranged project; returns the scene id. */
export async function arrangeScene(
  request: APIRequestContext,
  projectId: string,
  title: string,
  actions: string[],
): Promise<string> {
  let { version } = (await (await request.get(`/api/projects/${projectId}`)).json()) as { version: number };
  const sceneRes = await request.post(`/api/projects/${projectId}/scenes`, {
    data: { title },
    headers: { 'if-match': String(version) },
  });
  if (!sceneRes.ok()) throw new Error(`create scene: ${sceneRes.status()} ${await sceneRes.text()}`);
  const body = (await sceneRes.json()) as { version: number; scene: { id: string } };
  version = body.version;
  for (const action of actions) {
    const res = await request.post(`/api/scenes/${body.scene.id}/shots`, {
      data: { action },
      headers: { 'if-match': String(version) },
    });
    if (!res.ok()) throw new Error(`create shot: ${res.status()} ${await res.text()}`);
    version = ((await res.json()) as { version: number }).version;
  }
  return body.scene.id;
}

/** The project's scenes as the server has them: title and shot actions, in order. */
export async function sceneOutline(
  request: APIRequestContext,
  projectId: string,
): Promise<{ title: string; shots: string[] }[]> {
  const res = await request.get(`/api/projects/${projectId}`);
  const project = (await res.json()) as { scenes: { title: string; shots: { action: string }[] }[] };
  return project.scenes.map((s) => ({ title: s.title, shots: s.shots.map((x) => x.action) }));
}
