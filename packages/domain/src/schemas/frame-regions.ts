import Type, { type Static } from 'typebox';
import { Nullable } from './helpers';

// Where the local renderer drew everything in a take, frame by frame: the "sidecar" written beside each
// animatic clip. Drift review (packages/drift) measures a character's look and a place's layout on these
// exact pixels instead of guessing them with a detector; the review's hand-drawn corrections use the
// same box shape. One definition for the renderer that writes it, the pipeline that stores it and the
// drift engine and editor that read it.

/** `[x, y, w, h]` as fractions (0..1) of the frame's width and height, top-left origin. */
export const RegionBox = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]);
export type RegionBox = Static<typeof RegionBox>;

/** The parts of a figure the renderer knows the place of. `figure` is the whole body, `head` includes hair. */
export const FIGURE_PARTS = ['figure', 'head', 'face', 'hair', 'outfit', 'skin'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];

/** One box per frame; null where the part is not in frame (or not drawn, e.g. no hair). */
export const RegionTrack = Type.Array(Nullable(RegionBox));
export type RegionTrack = Static<typeof RegionTrack>;

export const CharacterRegions = Type.Object({
  /** The character's key in the production. */
  key: Type.String(),
  name: Type.String(),
  /** Keyed by FigurePart; a part the figure does not have is absent. */
  parts: Type.Record(Type.String(), RegionTrack),
});
export type CharacterRegions = Static<typeof CharacterRegions>;

export const ElementRegions = Type.Object({
  /** Stable within the location: the same element has the same id in every shot there. */
  id: Type.String(),
  /** The set-piece vocabulary word ("boat", "shelves"), or "unknown" for a labelled shape. */
  kind: Type.String(),
  /** The words of the location the element was drawn for. */
  label: Type.String(),
  boxes: RegionTrack,
});
export type ElementRegions = Static<typeof ElementRegions>;

export const SpeechCue = Type.Object({
  /** Null for narration. */
  characterKey: Nullable(Type.String()),
  startSeconds: Type.Number({ minimum: 0 }),
  endSeconds: Type.Number({ minimum: 0 }),
});
export type SpeechCue = Static<typeof SpeechCue>;

export const TakeRegions = Type.Object({
  version: Type.Literal(1),
  width: Type.Integer({ minimum: 1 }),
  height: Type.Integer({ minimum: 1 }),
  fps: Type.Number({ exclusiveMinimum: 0 }),
  frameCount: Type.Integer({ minimum: 0 }),
  characters: Type.Array(CharacterRegions),
  elements: Type.Array(ElementRegions),
  /** When each line is heard, as placed in the clip's audio. */
  speech: Type.Array(SpeechCue),
});
export type TakeRegions = Static<typeof TakeRegions>;
