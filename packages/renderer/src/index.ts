export { envelopeAt, loudnessEnvelope } from './audio/envelope';
export { type Blocking, type BlockingInput, blockShot } from './camera/blocking';
export {
  cameraAt,
  cameraPath,
  clampView,
  easeInOutCubic,
  type FrameViews,
  fittedZoom,
  moveGrowth,
  type Rect,
  SAFE_MARGIN,
  SHOT_ZOOM,
  toScreen,
  type View,
} from './camera/framing';
export { focusFor, headCentre, type Mark, type Reach, STANDING_REACH, stageCast } from './camera/staging';
export { captionFontFamily } from './caption/fonts';
export { type ColourChoice, type ColourDomain, chooseColours, readColours } from './colour/colour-words';
export { colourFromText, hex, mix, parseCss, type Rgb } from './colour/rgb';
export { type CharacterLook, characterLook } from './figure/character-look';
export { MOUTH_INTERIOR, SEAT_COLOUR } from './figure/draw-figure';
export { expressionFor, type FaceShape, faceShape } from './figure/expression';
export {
  type FigureLayout,
  type FigureParts,
  figureLayout,
  figureParts,
  type PoseMotion,
  requiredBox,
  WALK_DISTANCE,
} from './figure/figure-geometry';
export {
  choosePose,
  clausesFor,
  POSE_NAMES,
  type Pose,
  type PoseBase,
  type PoseChoice,
  type PoseGesture,
  poseNote,
  readPoseWords,
} from './figure/pose-words';
export { type Background, createBackground, drawPlateView, plateOffset } from './frame/background';
export { createRegionsRecorder, type RegionsRecorder, toRegionBox } from './frame/regions';
export {
  type Box,
  boxToScreen,
  createShotDrawer,
  type FrameInfo,
  type ScreenParts,
  type ShotDrawer,
  type ShotDrawerInput,
  subjectOf,
} from './frame/shot-drawer';
export {
  ANIMATIC_CAPABILITIES,
  ANIMATIC_MODEL,
  createLocalVideoProvider,
  DEFAULT_LOCAL_OPTIONS,
  LOCAL_PROVIDER_ID,
  type LocalVideoProviderOptions,
} from './local-video-provider';
export { PLATE_RENDERER_VERSION, plateKey } from './plate/plate-key';
export { type PlateInput, type PlateSpec, planPlate } from './plate/plate-spec';
export { loadPlateCanvas, renderPlateCanvas, renderPlatePng, writePlatePng } from './plate/render-plate';
export {
  layoutSetPieces,
  type PieceBox,
  planSet,
  SET_PIECE_KINDS,
  type SetLayout,
  type SetPiece,
  type SetPieceInput,
  type SetPieceKind,
  setPieceInputFor,
  setPieceKindsOf,
  unknownSetPieceNotes,
} from './plate/set-pieces';
export { PlateCache, plateInputFor } from './plate/shot-plate';
export {
  loadSpeech,
  type RenderShotOptions,
  type RenderShotResult,
  regionsPathFor,
  renderShot,
  SPEECH_SAMPLE_RATE,
} from './render-shot';
export { createEspeakSpeechProvider, type EspeakOptions } from './speech/espeak';
export { espeakArgs, espeakPitch, espeakWpm, parseEspeakVoices } from './speech/espeak-args';
export { type StyleTreatment, styleTreatment } from './style/style-treatment';
