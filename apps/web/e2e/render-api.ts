import type { APIRequestContext } from '@playwright/test';

// A small project to render for real: 320x180, one scene, 2-second shots, a line for a character.

export interface RenderProject {
  projectId: string;
  sceneId: string;
  shotIds: string[];
}

async function send(
  request: APIRequestContext,
  method: 'post' | 'patch',
  url: string,
  version: number,
  data: unknown,
): Promise<{ version: number } & Record<string, { id: string }>> {
  const res = await request[method](url, { data, headers: { 'if-match': String(version) } });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

export async function arrangeRenderProject(
  request: APIRequestContext,
  title: string,
  shots: { action: string; line: string | null; provider?: string | null; duration?: number }[],
): Promise<RenderProject> {
  const created = await request.post('/api/projects', { data: { title } });
  if (!created.ok()) throw new Error(`create project: ${created.status()}`);
  const body = (await created.json()) as { version: number; project: { id: string } };
  const projectId = body.project.id;
  let { version } = await send(request, 'patch', `/api/projects/${projectId}`, body.version, {
    width: 320,
    height: 180,
  });
  ({ version } = await send(request, 'post', `/api/projects/${projectId}/characters`, version, {
    name: 'Ava',
  }));
  const scene = await send(request, 'post', `/api/projects/${projectId}/scenes`, version, {
    title: 'Harbour',
  });
  version = scene.version;
  const shotIds: string[] = [];
  for (const s of shots) {
    const res = await send(request, 'post', `/api/scenes/${scene.scene!.id}/shots`, version, {
      action: s.action,
      duration: s.duration ?? 2,
      dialogue: s.line ? [{ character: 'ava', text: s.line }] : [],
      provider: s.provider ?? null,
    });
    version = res.version;
    shotIds.push(res.shot!.id);
  }
  return { projectId, sceneId: scene.scene!.id, shotIds };
}

export async function takeCount(request: APIRequestContext, shotId: string): Promise<number> {
  const res = await request.get(`/api/shots/${shotId}/takes`);
  return ((await res.json()) as unknown[]).length;
}
