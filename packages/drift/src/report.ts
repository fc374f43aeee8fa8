// The drift engine's answer lives in the domain (packages/domain/src/schemas/drift.ts) since the API route
// (`GET /api/projects/:id/drift`) and the editor read it too: one definition, re-exported here so the engine's
// own imports stay short.
export { DRIFT_KINDS, DriftFinding, type DriftKind, DriftReport } from '@ministudio/domain';
