import type { ProjectView } from '@ministudio/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Editor } from '../src/commands/editor';
import { createIdMap } from '../src/commands/id-map';
import { changeProjectSettings } from '../src/commands/project-settings';
import { projectView } from './project-fixture';

afterEach(() => vi.unstubAllGlobals());

describe('changeProjectSettings', () => {
  it('sends the change, and on undo puts back exactly the fields it touched', async () => {
    let project: ProjectView = projectView('p1', 'Lighthouse', []);
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      sent.push(body);
      project = { ...project, ...body, version: project.version + 1 };
      return new Response(JSON.stringify({ version: project.version, project }), { status: 200 });
    });
    const editor: Editor = {
      projectId: 'p1',
      ids: createIdMap(),
      project: () => project,
      write: async (send, apply) => {
        const result = await send(project.version);
        project = apply(project, result);
        return result;
      },
      preview: (change) => {
        project = change(project);
      },
      refresh: async () => undefined,
    };
    const before = { aspectRatio: project.aspectRatio, width: project.width, height: project.height };
    const command = changeProjectSettings(
      editor,
      project,
      { aspectRatio: '9:16', width: 720, height: 1280 },
      'Change aspect ratio',
    );
    await command.do();
    expect(project).toMatchObject({ aspectRatio: '9:16', width: 720, height: 1280 });
    await command.undo();
    expect(sent).toEqual([{ aspectRatio: '9:16', width: 720, height: 1280 }, before]);
    expect(project).toMatchObject(before);
  });
});
