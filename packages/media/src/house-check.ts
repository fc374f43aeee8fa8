import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffprobePath } from './binaries';
import type { HouseFormat } from './house-format';
import type { MediaInfo, VideoStreamInfo } from './probe';

const run = promisify(execFile);

/**
 * Whether a clip is already in the house format (the local renderer's clips are), so conforming can copy
 * its streams instead of encoding them again. Pure: the probe and the keyframe times in, a yes or no out.
 */
export function matchesHouseFormat(
  info: MediaInfo & { video: VideoStreamInfo },
  house: HouseFormat,
  keyframeTimes: readonly number[],
): boolean {
  const v = info.video;
  const a = info.audio;
  if (v.codec !== 'h264' || v.profile !== 'High' || v.pixelFormat !== 'yuv420p' || v.hasBFrames) return false;
  if (v.width !== house.width || v.height !== house.height) return false;
  if (v.variableFrameRate || Math.abs(v.fps - house.fps) > 1e-6) return false;
  if (!a || a.codec !== 'aac' || a.sampleRate !== 48000 || a.channels !== 2) return false;
  const videoSeconds = v.durationSeconds ?? info.durationSeconds;
  const audioSeconds = a.durationSeconds ?? info.durationSeconds;
  if (Math.abs(videoSeconds - audioSeconds) > 1 / house.fps) return false;
  // A keyframe at every whole second: what lets conformed clips join and cut by stream copy.
  const frame = 1 / house.fps;
  for (let second = 0; second < videoSeconds - frame / 2; second++) {
    if (!keyframeTimes.some((t) => Math.abs(t - second) < frame / 2)) return false;
  }
  return true;
}

/** Times of the video's keyframes, read without decoding the other frames. */
export async function probeKeyframeTimes(path: string): Promise<number[]> {
  const { stdout } = await run(ffprobePath(), [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-skip_frame',
    'nokey',
    '-show_entries',
    'frame=pts_time',
    '-of',
    'csv=p=0',
    path,
  ]);
  return stdout
    .split('\n')
    .map((line) => Number.parseFloat(line))
    .filter((t) => Number.isFinite(t));
}
