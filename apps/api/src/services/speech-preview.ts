import type { Db } from '@ministudio/db';
import { ProviderError } from '@ministudio/domain';
import type { RenderRuntime, SpeechPreviewFile } from '@ministudio/pipeline';
import { HttpError } from '../lib/http-error';
import { SPEECH_REFUSALS } from '../repositories/voice-sample';
import { loadProjectView, projectOfShot } from './project-queries';

/**
 * A shot's speech mixed on its own timeline (the lines where a render places them), made or found in the
 * cache by the render runtime. 404 for an unknown shot or one without dialogue or narration; a speech
 * provider that is not configured or refuses a line is a 422 naming it, not a failure of the studio.
 */
export async function speechPreviewOf(
  db: Db,
  renderer: RenderRuntime,
  shotId: string,
): Promise<SpeechPreviewFile> {
  const project = await loadProjectView(db, await projectOfShot(db, shotId));
  try {
    const file = await renderer.speechPreviews.forShot(project, shotId);
    if (!file)
      throw new HttpError('not_found', 'This shot has no dialogue or narration to speak', { shotId });
    return file;
  } catch (error) {
    if (error instanceof ProviderError) {
      const code = SPEECH_REFUSALS[error.code];
      if (code) throw new HttpError(code, error.message, { shotId, failure: error.code });
    }
    throw error;
  }
}
