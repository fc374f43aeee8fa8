import { HOUSE_CHANNELS, HOUSE_PIXEL_FORMAT, HOUSE_SAMPLE_RATE, type HouseFormat } from './house-format';
import { type MediaInfo, probeKeyframeTimes, type VideoStreamInfo } from './probe';

/**
 * Whether a clip's streams already have the house format's codecs, size, rate and sound (the local
 * renderer's clips do). Pure. When they do, `keyframesEverySecond` decides whether conforming can copy
 * the streams instead of encoding them again.
 */
export function streamsMatchHouse(info: MediaInfo & { video: VideoStreamInfo }, house: HouseFormat): boolean {
  const v = info.video;
  const a = info.audio;
  if (v.codec !== 'h264' || v.profile !== 'High' || v.pixelFormat !== HOUSE_PIXEL_FORMAT || v.hasBFrames)
    return false;
  if (v.width !== house.width || v.height !== house.height) return false;
  if (v.variableFrameRate || Math.abs(v.fps - house.fps) > 1e-6) return false;
  if (a?.codec !== 'aac' || a.sampleRate !== HOUSE_SAMPLE_RATE || a.channels !== HOUSE_CHANNELS) return false;
  const videoSeconds = v.durationSeconds ?? info.durationSeconds;
  const audioSeconds = a.durationSeconds ?? info.durationSeconds;
  return Math.abs(videoSeconds - audioSeconds) <= 1 / house.fps;
}

/** A keyframe at every whole second: what lets conformed clips join and cut by stream copy. Pure. */
export function keyframesEverySecond(
  keyframeTimes: readonly number[],
  durationSeconds: number,
  fps: number,
): boolean {
  const frame = 1 / fps;
  for (let second = 0; second < durationSeconds - frame / 2; second++) {
    if (!keyframeTimes.some((t) => Math.abs(t - second) < frame / 2)) return false;
  }
  return true;
}

/** Both checks; the keyframe probe (a second ffprobe) runs only for clips whose streams already match. */
export async function isInHouseFormat(
  info: MediaInfo & { video: VideoStreamInfo },
  house: HouseFormat,
): Promise<boolean> {
  if (!streamsMatchHouse(info, house)) return false;
  const seconds = info.video.durationSeconds ?? info.durationSeconds;
  return keyframesEverySecond(await probeKeyframeTimes(info.path), seconds, house.fps);
}
