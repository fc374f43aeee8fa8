import { estimatedSpeechShotSeconds, type ShotView } from '@ministudio/domain';

// Where everything on the timeline goes, in seconds and pixels, and how its time reads. Pure: tested
// without a DOM.

export const MIN_PIXELS_PER_SECOND = 2;
export const MAX_PIXELS_PER_SECOND = 480;
export const DEFAULT_PIXELS_PER_SECOND = 40;

export interface ClipLayout {
  shotId: string;
  /** The shot's number in the film, counted across scenes. */
  number: number;
  startSeconds: number;
  seconds: number;
  x: number;
  width: number;
  /** The shot lasts as long as its speech. */
  followsSpeech: boolean;
  /** Its length is a guess from its words: no take says how long it is yet. */
  estimated: boolean;
  /**
   * The shot's own length, when its chosen take lasts another (a provider's nearest length, speech longer
   * than the picture): the clip is as long as the take, since that is what plays. Null when they agree.
   */
  shotSeconds: number | null;
}

export interface SceneLayout {
  sceneId: string;
  number: number;
  title: string;
  x: number;
  width: number;
}

export interface TimelineLayout {
  scenes: SceneLayout[];
  clips: ClipLayout[];
  totalSeconds: number;
}

/** What a speech estimate needs of the project: each speaker's voice rate (null: the narrator) and the fps. */
export interface SpeechPace {
  rateOf(character: string | null): number;
  fps: number;
}

/**
 * A shot that follows its speech, before any take says how long it is: the same estimate the studio checks
 * it with before queueing (the domain's), its lines in the order the pipeline speaks them. At least 1 s.
 */
export function estimateSpeechSeconds(
  shot: Pick<ShotView, 'dialogue' | 'narration'>,
  pace: SpeechPace,
): number {
  const narration = shot.narration.trim();
  const lines = [
    ...shot.dialogue.map((l) => ({ character: l.character, text: l.text, rate: pace.rateOf(l.character) })),
    ...(narration ? [{ character: null, text: narration, rate: pace.rateOf(null) }] : []),
  ];
  return estimatedSpeechShotSeconds(lines, pace.fps);
}

/**
 * How long a shot plays: its chosen take's length when it has one (a take can differ from its shot: then
 * `shotSeconds` is the shot's own), else its seconds, or for one that follows speech the estimate.
 * `takeSeconds` is only for a take made for the shot as it is (see useTakeSeconds): a trimmed shot's old
 * take does not hold its clip at the old length.
 */
export function shotSeconds(
  shot: Pick<ShotView, 'duration' | 'dialogue' | 'narration'>,
  takeSeconds: number | null,
  pace: SpeechPace,
): { seconds: number; estimated: boolean; shotSeconds: number | null } {
  const take = takeSeconds !== null && takeSeconds > 0 ? takeSeconds : null;
  if (shot.duration !== 'speech') {
    // Under half a frame apart is the same length (a container's rounding).
    if (take === null || Math.abs(take - shot.duration) * pace.fps < 0.5)
      return { seconds: shot.duration, estimated: false, shotSeconds: null };
    return { seconds: take, estimated: false, shotSeconds: shot.duration };
  }
  if (take !== null) return { seconds: take, estimated: false, shotSeconds: null };
  return { seconds: estimateSpeechSeconds(shot, pace), estimated: true, shotSeconds: null };
}

/** Scenes and shots end to end, `pixelsPerSecond` wide per second; `takeSeconds` by shot id. */
export function layoutTimeline(
  scenes: readonly {
    id: string;
    title: string;
    shots: readonly Pick<ShotView, 'id' | 'duration' | 'dialogue' | 'narration'>[];
  }[],
  takeSeconds: ReadonlyMap<string, number>,
  pixelsPerSecond: number,
  pace: SpeechPace,
): TimelineLayout {
  const clips: ClipLayout[] = [];
  const sceneLayouts: SceneLayout[] = [];
  let t = 0;
  scenes.forEach((scene, i) => {
    const sceneStart = t;
    for (const shot of scene.shots) {
      const length = shotSeconds(shot, takeSeconds.get(shot.id) ?? null, pace);
      const { seconds, estimated } = length;
      clips.push({
        shotId: shot.id,
        number: clips.length + 1,
        startSeconds: t,
        seconds,
        x: t * pixelsPerSecond,
        width: seconds * pixelsPerSecond,
        followsSpeech: shot.duration === 'speech',
        estimated,
        shotSeconds: length.shotSeconds,
      });
      t += seconds;
    }
    sceneLayouts.push({
      sceneId: scene.id,
      number: i + 1,
      title: scene.title,
      x: sceneStart * pixelsPerSecond,
      width: (t - sceneStart) * pixelsPerSecond,
    });
  });
  return { scenes: sceneLayouts, clips, totalSeconds: t };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS:FF at `fps`, rounded to the nearest frame. */
export function formatTimecode(seconds: number, fps: number): string {
  const frames = Math.max(0, Math.round(seconds * fps));
  const ff = frames % fps;
  const totalSeconds = Math.floor(frames / fps);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}:${pad(ff)}`;
}

export function snapToFrame(seconds: number, fps: number): number {
  return Math.round(seconds * fps) / fps;
}

/** Seconds a readable length of time can have: long steps once a second is narrow. */
const SECOND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
/** A labelled tick needs room for its timecode. */
export const MIN_MAJOR_PIXELS = 96;
const MIN_MINOR_PIXELS = 8;

export interface TickSpacing {
  majorFrames: number;
  minorFrames: number;
}

/** Ruler ticks for a zoom: labelled ticks at least MIN_MAJOR_PIXELS apart, whole frames always. */
export function tickSpacing(pixelsPerSecond: number, fps: number): TickSpacing {
  const frameSteps = [1, 2, 5, 10].filter((f) => f < fps);
  if (fps % 2 === 0 && fps / 2 > 10) frameSteps.push(fps / 2);
  const candidates = [...frameSteps, ...SECOND_STEPS.map((s) => s * fps)];
  const framePixels = pixelsPerSecond / fps;
  const majorFrames =
    candidates.find((f) => f * framePixels >= MIN_MAJOR_PIXELS) ?? candidates[candidates.length - 1]!;
  const minorFrames =
    [10, 6, 5, 4, 3, 2]
      .filter((d) => majorFrames % d === 0)
      .map((d) => majorFrames / d)
      .find((f) => f * framePixels >= MIN_MINOR_PIXELS) ?? majorFrames;
  return { majorFrames, minorFrames };
}

export function clampZoom(pixelsPerSecond: number): number {
  return Math.min(MAX_PIXELS_PER_SECOND, Math.max(MIN_PIXELS_PER_SECOND, pixelsPerSecond));
}

/** The zoom that shows `totalSeconds` in `widthPixels`. */
export function fitZoom(totalSeconds: number, widthPixels: number): number {
  if (totalSeconds <= 0 || widthPixels <= 0) return DEFAULT_PIXELS_PER_SECOND;
  return clampZoom(widthPixels / totalSeconds);
}

/**
 * Zooms by `factor` keeping the time under the pointer where it is: `pointerX` is the pointer's distance
 * from the scroller's left edge. Answers the new zoom and scroll position.
 */
export function zoomAround(
  pixelsPerSecond: number,
  factor: number,
  pointerX: number,
  scrollLeft: number,
): { pixelsPerSecond: number; scrollLeft: number } {
  const next = clampZoom(pixelsPerSecond * factor);
  const seconds = (scrollLeft + pointerX) / pixelsPerSecond;
  return { pixelsPerSecond: next, scrollLeft: Math.max(0, seconds * next - pointerX) };
}
