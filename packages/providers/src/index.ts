// Violation is the domain's (one definition for the API schema and the check), offered here beside checkRequest.
export type { Violation } from '@ministudio/domain';
export { GoogleAuth, signServiceAccountJwt } from './auth/google-auth';
export {
  capabilitiesOf,
  FAL_MODELS,
  GEMINI_VEO_MODELS,
  LUMA_MODELS,
  REPLICATE_MODELS,
  RUNWAY_MODELS,
  VERTEX_VEO_MODELS,
} from './capability-tables';
export {
  type AdjustedValue,
  type Adjustment,
  applyAdjustments,
  type CapabilityCheckInput,
  type CheckResult,
  checkInputOf,
  checkRequest,
  nearestDuration,
} from './check-request';
export {
  isSecretName,
  loadSettings,
  type ProviderSettings,
  priceFor,
  readConfigFile,
  readPriceOverrides,
} from './config';
export { ConfigFileError, updateConfigFile } from './config-write';
export { parseRetryAfter, retryAfterFromHeaders } from './http/retry-after';
export { describeRule, type ExclusionRule, modelSpecFor } from './model-spec';
export { redactedCause, redactSecrets } from './redact';
export {
  createProviderRegistry,
  hintFor,
  PROVIDER_SETTINGS,
  type ProviderDescription,
  type ProviderRegistry,
  type ProviderRegistryOptions,
  type SettingDescription,
  TUNING_SETTINGS,
} from './registry';
export { createReloadingRegistry, type ReloadingRegistry } from './reloading-registry';
export { charactersFromAlignment, wordsFromCharacters } from './speech/alignment';
export { createElevenLabsProvider } from './speech/elevenlabs';
export { createGoogleTtsProvider } from './speech/google-tts';
export { createOpenAiSpeechProvider } from './speech/openai-speech';
export { createComfyProvider, loadWorkflowTemplate } from './video/comfyui';
export { fillWorkflow, findVideoOutput, parseWorkflow, type Workflow } from './video/comfyui-workflow';
export { createFalProvider } from './video/fal';
export { createGeminiVeoProvider } from './video/gemini-veo';
export { createLumaProvider } from './video/luma';
export type { AdapterOptions } from './video/prepare';
export { createReplicateProvider } from './video/replicate';
export { createRunwayProvider } from './video/runway';
export { createVertexVeoProvider } from './video/vertex-veo';
