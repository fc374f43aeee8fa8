/**
 * The cut every edit format is written from: the chosen takes in film order, each a whole number of frames at
 * the project's rate. Every position is an integer frame count, summed as integers, so a 500-shot film's last
 * cut lands on exactly the frame the film has (no seconds are added up as floats anywhere).
 */

/** A frame rate as a fraction: 24/1, or 24000/1001 for 23.976. */
export interface Rate {
  num: number;
  den: number;
}

/** A line spoken or narrated in a clip, in frames from the clip's own first frame. */
export interface CutLine {
  kind: 'dialogue' | 'narration';
  speaker: string | null;
  text: string;
  startFrame: number;
  frames: number;
}

export interface CutClip {
  /** The shot's id (stable, for the reader and metadata). */
  shotId: string;
  /** "3", the shot's number in the film, from 1. */
  number: number;
  /** What an editor sees on the clip: "S1 shot 3 — She opens the door". */
  name: string;
  /** Index into `Cut.scenes`. */
  scene: number;
  /** Where the clip's file is inside the export, relative, with forward slashes: "clips/0003-door.mp4". */
  media: string;
  /** How long the clip plays, in frames (the chosen take's length). */
  frames: number;
  lines: CutLine[];
}

export interface CutScene {
  title: string;
  key: string;
}

export interface Cut {
  title: string;
  rate: Rate;
  width: number;
  height: number;
  /** Whether the clips carry a sound track (the house format always does). */
  audio: boolean;
  scenes: CutScene[];
  clips: CutClip[];
}

/** A clip with where it sits on the record side, in frames. */
export interface PlacedClip extends CutClip {
  recordStart: number;
}

/** Every clip with its record position: a running integer sum of the frames before it. */
export function placeClips(cut: Cut): PlacedClip[] {
  let at = 0;
  return cut.clips.map((clip) => {
    const placed = { ...clip, recordStart: at };
    at += clip.frames;
    return placed;
  });
}

export function totalFrames(cut: Cut): number {
  return cut.clips.reduce((sum, clip) => sum + clip.frames, 0);
}

/** Where each scene starts and how long it runs, in frames (a scene with no clips is left out). */
export function sceneSpans(cut: Cut): { scene: number; title: string; start: number; frames: number }[] {
  const spans: { scene: number; title: string; start: number; frames: number }[] = [];
  for (const clip of placeClips(cut)) {
    const last = spans.at(-1);
    if (last && last.scene === clip.scene) last.frames += clip.frames;
    else
      spans.push({
        scene: clip.scene,
        title: cut.scenes[clip.scene]?.title ?? `Scene ${clip.scene + 1}`,
        start: clip.recordStart,
        frames: clip.frames,
      });
  }
  return spans;
}

/** Frames in `seconds` at `rate`, to the nearest frame (how a take's measured length becomes the cut's). */
export function secondsToFrames(seconds: number, rate: Rate): number {
  return Math.round((seconds * rate.num) / rate.den);
}

/** The rate as a number (for formats that store it as one: OTIO's `rate`). */
export function rateValue(rate: Rate): number {
  return rate.num / rate.den;
}

/** The timecode base: 24 for 24 and 23.976, 30 for 29.97 (non-drop frame counts whole frames at it). */
export function timecodeBase(rate: Rate): number {
  return Math.round(rate.num / rate.den);
}

/** Non-drop-frame timecode HH:MM:SS:FF of a frame count (integer maths only). */
export function timecode(frames: number, rate: Rate): string {
  if (!Number.isInteger(frames) || frames < 0) throw new RangeError(`Not a frame count: ${frames}`);
  const base = timecodeBase(rate);
  const ff = frames % base;
  const totalSeconds = (frames - ff) / base;
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600) % 24;
  return [hh, mm, ss, ff].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The frame count of an HH:MM:SS:FF non-drop timecode. */
export function parseTimecode(text: string, rate: Rate): number {
  const match = /^(\d\d):(\d\d):(\d\d)[:;](\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`Not a timecode: ${text}`);
  const [hh, mm, ss, ff] = match.slice(1).map(Number) as [number, number, number, number];
  return ((hh * 60 + mm) * 60 + ss) * timecodeBase(rate) + ff;
}

/** A safe file-name part from free text: "She opens the door!" → "she-opens-the-door". */
export function slug(text: string, max = 32): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || 'shot'
  );
}

/** Where clip `number` (from 1) lives in an export: "clips/0003-door.mp4". */
export function clipMediaPath(number: number, key: string): string {
  return `clips/${String(number).padStart(4, '0')}-${slug(key)}.mp4`;
}
