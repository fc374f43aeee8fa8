// Pure text builders for the files ffmpeg reads when assembling a film: concat list, chapters, subtitles.

export interface ConcatEntry {
  path: string;
  /** Seconds into the file where this piece starts (must be a keyframe for stream copy), or null for the start. */
  inpoint: number | null;
  outpoint: number | null;
  /**
   * Length of this piece on the film's timeline. Given explicitly because the demuxer otherwise takes the end of
   * the longest stream, and AAC's last frame overhangs the picture by up to 21 ms at every join.
   */
  duration: number | null;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

export function concatListText(entries: readonly ConcatEntry[]): string {
  const lines = ['ffconcat version 1.0'];
  for (const entry of entries) {
    lines.push(`file ${quote(entry.path)}`);
    if (entry.inpoint !== null) lines.push(`inpoint ${entry.inpoint}`);
    if (entry.outpoint !== null) lines.push(`outpoint ${entry.outpoint}`);
    if (entry.duration !== null) lines.push(`duration ${entry.duration}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface Chapter {
  startSeconds: number;
  endSeconds: number;
  title: string;
}

function metadataEscape(value: string): string {
  return value.replace(/[\\=;#\n]/g, (char) => `\\${char}`);
}

/** ffmetadata with millisecond chapters, read with -map_chapters. */
export function ffmetadataText(title: string | null, chapters: readonly Chapter[]): string {
  const lines = [';FFMETADATA1'];
  if (title) lines.push(`title=${metadataEscape(title)}`);
  for (const chapter of chapters) {
    lines.push(
      '[CHAPTER]',
      'TIMEBASE=1/1000',
      `START=${Math.round(chapter.startSeconds * 1000)}`,
      `END=${Math.round(chapter.endSeconds * 1000)}`,
      `title=${metadataEscape(chapter.title)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One chapter per run of consecutive shots of the same scene; shots without a scene join the previous one. */
export function chaptersFromShots(
  shots: readonly { durationSeconds: number; scene: string | null }[],
): Chapter[] {
  const chapters: Chapter[] = [];
  let time = 0;
  for (const shot of shots) {
    const last = chapters.at(-1);
    if (last && (shot.scene === null || shot.scene === last.title)) {
      last.endSeconds = time + shot.durationSeconds;
    } else if (shot.scene !== null) {
      chapters.push({ startSeconds: time, endSeconds: time + shot.durationSeconds, title: shot.scene });
    }
    time += shot.durationSeconds;
  }
  return chapters;
}

export interface SubtitleCue {
  startSeconds: number;
  endSeconds: number;
  text: string;
  kind: 'dialogue' | 'narration';
  /** Who speaks, shown before dialogue; null for narration or an unnamed voice. */
  speaker: string | null;
}

/** hh:mm:ss + separator + mmm, from whole milliseconds (SRT uses a comma, WebVTT a full stop). */
function cueTime(seconds: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3600000), 2)}:${pad(Math.floor(ms / 60000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}${separator}${pad(ms % 1000, 3)}`;
}

/** The cues worth showing, in time order, with blank lines inside a cue's text closed up (a blank line ends a cue). */
function shownCues(cues: readonly SubtitleCue[]): { cue: SubtitleCue; text: string }[] {
  return [...cues]
    .filter((c) => c.endSeconds > c.startSeconds && c.text.trim())
    .sort((a, b) => a.startSeconds - b.startSeconds)
    .map((cue) => ({ cue, text: cue.text.trim().replace(/\r?\n\s*\n/g, '\n') }));
}

function cueBody(cue: SubtitleCue, text: string): string {
  return cue.kind === 'narration' ? `<i>${text}</i>` : cue.speaker ? `${cue.speaker}: ${text}` : text;
}

/** SubRip text; narration in italics, dialogue prefixed by its speaker. */
export function srtText(cues: readonly SubtitleCue[]): string {
  return shownCues(cues)
    .map(
      ({ cue, text }, i) =>
        `${i + 1}\n${cueTime(cue.startSeconds, ',')} --> ${cueTime(cue.endSeconds, ',')}\n${cueBody(cue, text)}\n`,
    )
    .join('\n');
}

/** WebVTT text for the player's <track>: the same cues as srtText; &, < and > escaped as WebVTT requires. */
export function vttText(cues: readonly SubtitleCue[]): string {
  const escapeCue = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks = shownCues(cues).map(
    ({ cue, text }, i) =>
      `${i + 1}\n${cueTime(cue.startSeconds, '.')} --> ${cueTime(cue.endSeconds, '.')}\n${cueBody(
        { ...cue, speaker: cue.speaker && escapeCue(cue.speaker) },
        escapeCue(text).replace(/-->/g, '--&gt;'),
      )}\n`,
  );
  return ['WEBVTT\n', ...blocks].join('\n');
}
