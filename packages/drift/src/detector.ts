import type { TakeRegions } from '@ministudio/domain';
import type { Frame } from './frame';

// Where the characters are in a clip the local renderer did not draw (a provider's). The plan is a person and
// face detector that ships inside its npm package and runs on CPU offline (@vladmandic/human on TensorFlow.js'
// WASM backend, models from its own folder), with detections assigned to the shot's cast by appearance and
// tracked between sampled frames. Not built yet: this is the seam it plugs into. Whatever it returns has the
// renderer's sidecar shape, so every metric downstream works unchanged; `identity` findings (face descriptor
// distance) will come with it.

export interface CastMember {
  key: string;
  name: string;
}

export interface RegionDetector {
  /** Boxes of each cast member's parts in each of `frames` (sampled at `fps`), in TakeRegions form. */
  detect(frames: readonly Frame[], fps: number, cast: readonly CastMember[]): Promise<TakeRegions>;
}
