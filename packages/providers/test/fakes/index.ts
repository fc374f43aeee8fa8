// `@ministudio/providers/testing`: fake provider servers that speak each provider's real protocol, and their
// media fixtures, for tests outside this package (the API's pipeline tests drive adapters against them).
export { startComfyFake } from './comfyui';
export { startFalFake } from './fal';
export { type Fixtures, fixtures } from './fixtures';
export { startGeminiFake, startTokenFake, startVertexFake } from './google';
export { type Fake, type Recorded, SCENARIOS, type Scenario } from './harness';
export { FakeJob, type FakeOptions } from './job';
export { startLumaFake } from './luma';
export { startReplicateFake } from './replicate';
export { startRunwayFake } from './runway';
export { startGoogleTtsFake } from './speech';
