import {
  type AspectRatio,
  type PatchProjectBody,
  type ProjectSettings,
  sizeFitsAspect,
} from '@ministudio/domain';
import { invalid } from '../lib/http-error';

type Frame = Pick<ProjectSettings, 'aspectRatio' | 'width' | 'height'>;

/**
 * Refuses a settings change that leaves the aspect ratio and the frame size disagreeing (9:16 at
 * 1280×720), judged on the settings as they would be after the change; names both fields.
 */
export function assertFrameConsistent(current: Frame, body: PatchProjectBody): void {
  const aspectRatio = (body.aspectRatio ?? current.aspectRatio) as AspectRatio;
  const width = body.width ?? current.width;
  const height = body.height ?? current.height;
  if (sizeFitsAspect(aspectRatio, width, height)) return;
  const message = `A ${aspectRatio} project cannot be ${width}×${height}; change the size with the aspect ratio`;
  throw invalid(message, [
    { path: 'body/aspectRatio', message: `is ${aspectRatio}` },
    { path: 'body/width', message: `${width}×${height} is not ${aspectRatio}` },
    { path: 'body/height', message: `${width}×${height} is not ${aspectRatio}` },
  ]);
}
