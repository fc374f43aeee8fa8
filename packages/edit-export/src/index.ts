export * from './cut';
export { EDL_RECORD_START_FRAMES, type EdlEvent, edlText, readEdl, reelName } from './edl';
export {
  FCPXML_VERSION,
  type FcpxmlOptions,
  fcpMediaSrc,
  fcpTime,
  fcpxmlText,
  fcpxmlWithMediaBase,
  parseFcpTime,
} from './fcpxml';
export {
  cutCues,
  cutSrt,
  EDIT_FORMATS,
  type EditFormat,
  editFile,
  exportBaseName,
  isEditFormat,
} from './formats';
export {
  type ChosenTake,
  cutFromProject,
  type MissingShot,
  missingTakes,
  storyboardFromProject,
} from './from-project';
export { mltText } from './mlt';
export { buildOtio, OtioTimeline, otioProblems, otioText, type ReadOtio, readOtio } from './otio';
export {
  DEFAULT_FONTS,
  frameBox,
  PAGE,
  type StoryboardPdfInput,
  type StoryboardShot,
  storyboardPdf,
} from './storyboard-pdf';
