import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { type Cut, placeClips, type Rate, rateValue, sceneSpans, totalFrames } from './cut';

// OpenTimelineIO's JSON serialisation (.otio), written from its serialized-schema documentation: every object
// carries OTIO_SCHEMA "Name.version"; times are RationalTime {value, rate}, so integer frame values at the
// project's rate stay exact. Scene markers sit on the Stack (timeline markers in the readers that show them);
// each spoken or narrated line is a marker on its clip, in the clip's own time, with the text in metadata.

const Metadata = Type.Record(Type.String(), Type.Unknown());
const RationalTime = Type.Object({
  OTIO_SCHEMA: Type.Literal('RationalTime.1'),
  rate: Type.Number({ exclusiveMinimum: 0 }),
  value: Type.Number(),
});
const TimeRange = Type.Object({
  OTIO_SCHEMA: Type.Literal('TimeRange.1'),
  start_time: RationalTime,
  duration: RationalTime,
});
const MARKER_COLORS = [
  'PINK',
  'RED',
  'ORANGE',
  'YELLOW',
  'GREEN',
  'CYAN',
  'BLUE',
  'PURPLE',
  'MAGENTA',
  'BLACK',
  'WHITE',
] as const;
const Marker = Type.Object({
  OTIO_SCHEMA: Type.Literal('Marker.2'),
  name: Type.String(),
  color: Type.Unsafe<(typeof MARKER_COLORS)[number]>({ type: 'string', enum: [...MARKER_COLORS] }),
  marked_range: TimeRange,
  comment: Type.String(),
  metadata: Metadata,
});
const ExternalReference = Type.Object({
  OTIO_SCHEMA: Type.Literal('ExternalReference.1'),
  name: Type.String(),
  target_url: Type.String({ minLength: 1 }),
  available_range: Type.Union([TimeRange, Type.Null()]),
  metadata: Metadata,
});
const itemFields = {
  name: Type.String(),
  source_range: Type.Union([TimeRange, Type.Null()]),
  effects: Type.Array(Type.Unknown()),
  markers: Type.Array(Marker),
  enabled: Type.Boolean(),
  metadata: Metadata,
};
const Clip = Type.Object({
  OTIO_SCHEMA: Type.Literal('Clip.2'),
  ...itemFields,
  media_references: Type.Record(Type.String(), ExternalReference),
  active_media_reference_key: Type.String({ minLength: 1 }),
});
const Gap = Type.Object({ OTIO_SCHEMA: Type.Literal('Gap.1'), ...itemFields });
const Track = Type.Object({
  OTIO_SCHEMA: Type.Literal('Track.1'),
  ...itemFields,
  kind: Type.Union([Type.Literal('Video'), Type.Literal('Audio')]),
  children: Type.Array(Type.Union([Clip, Gap])),
});
const Stack = Type.Object({
  OTIO_SCHEMA: Type.Literal('Stack.1'),
  ...itemFields,
  children: Type.Array(Track),
});
/** The structure an OTIO timeline of ours must have (a check written from OTIO's schema documentation). */
export const OtioTimeline = Type.Object({
  OTIO_SCHEMA: Type.Literal('Timeline.1'),
  name: Type.String(),
  global_start_time: Type.Union([RationalTime, Type.Null()]),
  metadata: Metadata,
  tracks: Stack,
});
export type OtioTimeline = Static<typeof OtioTimeline>;
type OtioClip = Static<typeof Clip>;
type OtioMarker = Static<typeof Marker>;

const DEFAULT_MEDIA = 'DEFAULT_MEDIA';

function time(value: number, rate: Rate) {
  return { OTIO_SCHEMA: 'RationalTime.1' as const, rate: rateValue(rate), value };
}
function range(start: number, duration: number, rate: Rate) {
  return {
    OTIO_SCHEMA: 'TimeRange.1' as const,
    start_time: time(start, rate),
    duration: time(duration, rate),
  };
}
function marker(
  name: string,
  color: OtioMarker['color'],
  start: number,
  frames: number,
  rate: Rate,
  metadata: Record<string, unknown>,
): OtioMarker {
  return {
    OTIO_SCHEMA: 'Marker.2',
    name,
    color,
    marked_range: range(start, frames, rate),
    comment: '',
    metadata,
  };
}

/** The cut as an OpenTimelineIO timeline object (serialise with `otioText`). */
export function buildOtio(cut: Cut): OtioTimeline {
  const { rate } = cut;
  const rational = `${rate.num}/${rate.den}`;
  const clips: OtioClip[] = placeClips(cut).map((clip) => ({
    OTIO_SCHEMA: 'Clip.2',
    name: clip.name,
    source_range: range(0, clip.frames, rate),
    effects: [],
    markers: clip.lines.map((line) =>
      marker(
        line.speaker ? `${line.speaker}: ${line.text}` : line.text,
        line.kind === 'dialogue' ? 'YELLOW' : 'CYAN',
        line.startFrame,
        line.frames,
        rate,
        { ministudio: { kind: line.kind, speaker: line.speaker, text: line.text } },
      ),
    ),
    enabled: true,
    metadata: { ministudio: { shotId: clip.shotId, number: clip.number, scene: clip.scene } },
    media_references: {
      [DEFAULT_MEDIA]: {
        OTIO_SCHEMA: 'ExternalReference.1',
        name: clip.media.split('/').at(-1) ?? clip.media,
        // A relative URL: resolved against the .otio file's folder, so the export opens wherever it is unpacked.
        target_url: clip.media.split('/').map(encodeURIComponent).join('/'),
        available_range: range(0, clip.frames, rate),
        metadata: {},
      },
    },
    active_media_reference_key: DEFAULT_MEDIA,
  }));
  const empty = { effects: [], enabled: true, source_range: null };
  return {
    OTIO_SCHEMA: 'Timeline.1',
    name: cut.title,
    global_start_time: time(0, rate),
    metadata: {
      ministudio: { rate: rational, width: cut.width, height: cut.height, frames: totalFrames(cut) },
    },
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      name: 'tracks',
      ...empty,
      metadata: {},
      markers: sceneSpans(cut).map((span) =>
        marker(span.title, 'RED', span.start, span.frames, rate, { ministudio: { scene: span.scene } }),
      ),
      children: [
        {
          OTIO_SCHEMA: 'Track.1',
          name: 'V1',
          kind: 'Video',
          ...empty,
          markers: [],
          metadata: {},
          children: clips,
        },
        ...(cut.audio
          ? [
              {
                OTIO_SCHEMA: 'Track.1' as const,
                name: 'A1',
                kind: 'Audio' as const,
                ...empty,
                markers: [],
                metadata: {},
                children: clips.map((clip) => ({ ...clip, markers: [] })),
              },
            ]
          : []),
      ],
    },
  };
}

export function otioText(cut: Cut): string {
  return `${JSON.stringify(buildOtio(cut), null, 2)}\n`;
}

/** Where each problem is, when `doc` is not an OTIO timeline of the shape above; empty when it is. */
const checkTimeline = Compile(OtioTimeline);

export function otioProblems(doc: unknown): string[] {
  if (checkTimeline.Check(doc)) return [];
  return [...(checkTimeline.Errors(doc) as Iterable<{ instancePath: string; message: string }>)].map(
    (error) => `${error.instancePath || '/'}: ${error.message}`,
  );
}

/** What our reader gets back from an .otio file: clips in order with their record positions, in frames. */
export interface ReadOtio {
  name: string;
  rate: number;
  clips: { name: string; media: string; recordStart: number; frames: number; lines: string[] }[];
  scenes: { name: string; start: number; frames: number }[];
  totalFrames: number;
}

/** Frames of a RationalTime at `rate` (OTIO lets each time carry its own rate). */
function framesAt(t: { value: number; rate: number }, rate: number): number {
  return Math.round((t.value * rate) / t.rate);
}

/**
 * Reads the first video track of an OTIO timeline back into clips on the record side (gaps advance the
 * position). Throws with the schema's problems when the document is not a timeline.
 */
export function readOtio(text: string): ReadOtio {
  const doc: unknown = JSON.parse(text);
  const problems = otioProblems(doc);
  if (problems.length) throw new Error(`Not an OTIO timeline: ${problems.slice(0, 5).join('; ')}`);
  const timeline = doc as OtioTimeline;
  const track = timeline.tracks.children.find((t) => t.kind === 'Video');
  if (!track) throw new Error('The timeline has no video track');
  const rate = track.children[0]?.source_range?.duration.rate ?? timeline.global_start_time?.rate ?? 24;
  const clips: ReadOtio['clips'] = [];
  let at = 0;
  for (const item of track.children) {
    const frames = item.source_range ? framesAt(item.source_range.duration, rate) : 0;
    if (item.OTIO_SCHEMA === 'Clip.2') {
      const ref = item.media_references[item.active_media_reference_key];
      if (!ref)
        throw new Error(`Clip "${item.name}" has no media reference "${item.active_media_reference_key}"`);
      clips.push({
        name: item.name,
        media: decodeURIComponent(ref.target_url),
        recordStart: at,
        frames,
        lines: item.markers.map((m) => m.name),
      });
    }
    at += frames;
  }
  return {
    name: timeline.name,
    rate,
    clips,
    scenes: timeline.tracks.markers.map((m) => ({
      name: m.name,
      start: framesAt(m.marked_range.start_time, rate),
      frames: framesAt(m.marked_range.duration, rate),
    })),
    totalFrames: at,
  };
}
