import { LoadError, loadProduction } from '../load';
import type { Output } from '../output';

/** Checks a production; prints what it holds when valid, every problem with its path when not. */
export async function validate(file: string, out: Output): Promise<number> {
  try {
    const doc = await loadProduction(file);
    const shots = doc.scenes.flatMap((s) => s.shots);
    const seconds = shots.reduce((sum, s) => sum + (s.duration === 'speech' ? 0 : s.duration), 0);
    const bySpeech = shots.filter((s) => s.duration === 'speech').length;
    out.result(
      `${file}: valid — "${doc.project.title}", ${count(doc.characters.length, 'character')}, ${count(doc.environments.length, 'environment')}, ${count(doc.scenes.length, 'scene')}, ${count(shots.length, 'shot')}, ${seconds} s${bySpeech ? ` + ${count(bySpeech, 'shot')} as long as their speech` : ''}`,
      {
        ok: true,
        file,
        title: doc.project.title,
        scenes: doc.scenes.length,
        shots: shots.length,
        issues: [],
      },
    );
    return 0;
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    const lines = error.issues.map((issue) => `  ${issue.path || '/'}: ${issue.message}`);
    // Problems are the answer here, so they go to stdout (a script reads them); the exit status says it failed.
    out.result([`${error.message}${lines.length ? ':' : ''}`, ...lines].join('\n'), {
      ok: false,
      file,
      message: error.message,
      issues: error.issues,
    });
    return 1;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
