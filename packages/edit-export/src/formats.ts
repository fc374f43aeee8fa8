import { srtText } from '@ministudio/media';
import { type Cut, placeClips, rateValue } from './cut';
import { edlText } from './edl';
import { fcpxmlText } from './fcpxml';
import { mltText } from './mlt';
import { otioText } from './otio';

/** The edit formats, with the file extension and type each is served as, and who opens it. */
export const EDIT_FORMATS = {
  otio: {
    ext: 'otio',
    mime: 'application/json',
    label: 'OpenTimelineIO',
    opens: 'Resolve, Kdenlive, Hiero, Premiere (plugin)',
  },
  fcpxml: { ext: 'fcpxml', mime: 'application/xml', label: 'FCPXML 1.10', opens: 'Final Cut Pro, Resolve' },
  edl: { ext: 'edl', mime: 'text/plain', label: 'CMX 3600 EDL', opens: 'every editor' },
  mlt: { ext: 'mlt', mime: 'application/xml', label: 'MLT XML', opens: 'Shotcut, Kdenlive, melt' },
} as const;
export type EditFormat = keyof typeof EDIT_FORMATS;

export function isEditFormat(value: unknown): value is EditFormat {
  return typeof value === 'string' && Object.hasOwn(EDIT_FORMATS, value);
}

const WRITERS: Record<EditFormat, (cut: Cut) => string> = {
  otio: otioText,
  fcpxml: fcpxmlText,
  edl: edlText,
  mlt: mltText,
};

/** A file or folder name from the film's title: letters of any script kept, what file systems refuse replaced. */
export function exportBaseName(title: string): string {
  return title.replace(/[^\p{L}\p{N} ._()-]+/gu, '_').trim() || 'film';
}

/** The edit file of `cut` in `format`, named after the film. */
export function editFile(cut: Cut, format: EditFormat): { name: string; mime: string; text: string } {
  const base = exportBaseName(cut.title);
  return {
    name: `${base}.${EDIT_FORMATS[format].ext}`,
    mime: EDIT_FORMATS[format].mime,
    text: WRITERS[format](cut),
  };
}

/** The cut's lines as subtitle cues in seconds (from whole frames), for an SRT beside the edit. */
export function cutCues(cut: Cut) {
  const fps = rateValue(cut.rate);
  return placeClips(cut).flatMap((clip) =>
    clip.lines.map((line) => ({
      startSeconds: (clip.recordStart + line.startFrame) / fps,
      endSeconds: (clip.recordStart + line.startFrame + line.frames) / fps,
      text: line.text,
      kind: line.kind,
      speaker: line.speaker,
    })),
  );
}

/** The cut's dialogue and narration as SubRip, as the film's own sidecar is written. */
export function cutSrt(cut: Cut): string {
  return srtText(cutCues(cut));
}
