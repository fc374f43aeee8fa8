// What an import says it brought in, from the production file the server accepted. Pure.

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface ProductionShape {
  project?: { title?: unknown };
  scenes?: { shots?: unknown[] }[];
  characters?: unknown[];
  environments?: unknown[];
}

/** "Imported “Harbour”: 2 scenes, 7 shots, 3 characters, 1 location." */
export function importSummary(document: unknown, fileName: string): string {
  const doc = (document ?? {}) as ProductionShape;
  const title = typeof doc.project?.title === 'string' ? doc.project.title : fileName;
  const scenes = Array.isArray(doc.scenes) ? doc.scenes : [];
  const shots = scenes.reduce((n, s) => n + (Array.isArray(s.shots) ? s.shots.length : 0), 0);
  const parts = [
    count(scenes.length, 'scene', 'scenes'),
    count(shots, 'shot', 'shots'),
    count(Array.isArray(doc.characters) ? doc.characters.length : 0, 'character', 'characters'),
    count(Array.isArray(doc.environments) ? doc.environments.length : 0, 'location', 'locations'),
  ];
  return `Imported “${title}” from ${fileName}: ${parts.join(', ')}.`;
}
