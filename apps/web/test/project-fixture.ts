import {
  defaultCharacter,
  defaultEnvironment,
  defaultProjectSettings,
  defaultScene,
  defaultShot,
  type ProjectView,
} from '@ministudio/domain';

// A whole project as GET /api/projects/:id answers it: one scene of the given shots, plus a character
// and a location, with ids made from the project id so two projects never share one.

export function projectView(id: string, title: string, actions: string[]): ProjectView {
  const sceneId = `${id}-scene`;
  return {
    id,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...defaultProjectSettings(title),
    characters: [
      { ...defaultCharacter(`${title} lead`), id: `${id}-char`, key: `${id}-char`, references: [] },
    ],
    environments: [
      {
        ...defaultEnvironment(`${title} set`),
        id: `${id}-env`,
        key: `${id}-env`,
        plate: null,
        references: [],
      },
    ],
    scenes: [
      {
        ...defaultScene(1),
        id: sceneId,
        key: sceneId,
        environmentId: null,
        shots: actions.map((action, i) => ({
          ...defaultShot(),
          action,
          id: `${id}-shot-${i + 1}`,
          key: `${id}-shot-${i + 1}`,
          sceneId,
          effectiveSeed: 1,
          chosenTakeId: null,
        })),
      },
    ],
  };
}
