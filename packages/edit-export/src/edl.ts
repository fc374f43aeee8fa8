import { type Cut, parseTimecode, placeClips, type Rate, sceneSpans, timecode } from './cut';

// CMX 3600: one event line per clip (source in/out, record in/out as non-drop timecode), the clip's name and file
// in the comments every NLE reads (* FROM CLIP NAME:, * SOURCE FILE:), scene starts as locators (* LOC:).

/** The record side starts at 01:00:00:00, where editing software starts a timeline by default. */
export const EDL_RECORD_START_FRAMES = (rate: Rate) => 3600 * Math.round(rate.num / rate.den);

/** A reel name of at most 8 characters, from the clip's number: SH0001. */
export function reelName(number: number): string {
  return `SH${String(number).padStart(4, '0')}`.slice(0, 8);
}

/** CMX titles are at most 70 printable ASCII characters. */
function asciiLine(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, max);
}

export function edlText(cut: Cut): string {
  const { rate } = cut;
  const start = EDL_RECORD_START_FRAMES(rate);
  const locators = new Map(sceneSpans(cut).map((span) => [span.start, span.title]));
  const lines = [`TITLE: ${asciiLine(cut.title, 70)}`, 'FCM: NON-DROP FRAME', ''];
  const channels = cut.audio ? 'AA/V' : 'V';
  for (const clip of placeClips(cut)) {
    const event = String(clip.number).padStart(3, '0');
    const recordIn = start + clip.recordStart;
    lines.push(
      `${event}  ${reelName(clip.number).padEnd(8)} ${channels.padEnd(5)} C        ${timecode(0, rate)} ${timecode(
        clip.frames,
        rate,
      )} ${timecode(recordIn, rate)} ${timecode(recordIn + clip.frames, rate)}`,
      `* FROM CLIP NAME: ${asciiLine(clip.name, 120)}`,
      `* SOURCE FILE: ${clip.media}`,
    );
    const scene = locators.get(clip.recordStart);
    if (scene !== undefined) lines.push(`* LOC: ${timecode(recordIn, rate)} RED     ${asciiLine(scene, 60)}`);
    lines.push('');
  }
  return `${lines.join('\r\n')}`;
}

export interface EdlEvent {
  event: number;
  reel: string;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
  clipName: string | null;
}

/** Reads the cut events of a CMX 3600 EDL (frames at `rate`); comments name the clip before the next event. */
export function readEdl(text: string, rate: Rate): EdlEvent[] {
  const events: EdlEvent[] = [];
  const tc = String.raw`(\d\d:\d\d:\d\d[:;]\d\d)`;
  const eventLine = new RegExp(String.raw`^(\d{3,})\s+(\S+)\s+(\S+)\s+C\s+${tc}\s+${tc}\s+${tc}\s+${tc}\s*$`);
  const toFrames = (t: string) => parseTimecode(t, rate);
  for (const line of text.split(/\r?\n/)) {
    const match = eventLine.exec(line);
    if (match) {
      events.push({
        event: Number(match[1]),
        reel: match[2]!,
        sourceIn: toFrames(match[4]!),
        sourceOut: toFrames(match[5]!),
        recordIn: toFrames(match[6]!),
        recordOut: toFrames(match[7]!),
        clipName: null,
      });
      continue;
    }
    const name = /^\* FROM CLIP NAME:\s*(.*)$/.exec(line);
    const last = events.at(-1);
    if (name && last) last.clipName = name[1]!.trim();
  }
  return events;
}
