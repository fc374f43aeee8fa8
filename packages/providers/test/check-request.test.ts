import { describe, expect, it } from 'vitest';
import { GEMINI_VEO_MODELS, RUNWAY_MODELS, VERTEX_VEO_MODELS } from '../src/capability-tables';
import {
  applyAdjustments,
  type CapabilityCheckInput,
  checkRequest,
  nearestDuration,
} from '../src/check-request';
import { videoRequest } from './fakes/request';

const veo31 = GEMINI_VEO_MODELS[0]!.capabilities;
const vertex31 = VERTEX_VEO_MODELS[0]!.capabilities;
const gen45 = RUNWAY_MODELS[0]!.capabilities;

const input = (o: Partial<CapabilityCheckInput>): CapabilityCheckInput => ({
  durationSeconds: 8,
  width: 1280,
  height: 720,
  aspectRatio: '16:9',
  wantsSeed: false,
  firstFrame: false,
  lastFrame: false,
  references: [],
  promptLength: 500,
  ...o,
});

const ids = (r: ReturnType<typeof checkRequest>) => ({
  violations: r.violations.map((v) => v.constraint),
  adjustments: r.adjustments.map((a) => a.constraint),
});

describe('checkRequest with the Veo 3.1 table', () => {
  it('accepts a plain 8 s 720p shot as is', () => {
    expect(checkRequest(veo31, input({}))).toEqual({ violations: [], adjustments: [] });
  });

  it('generates 5.2 s at the nearest allowed 6 s, for the media package to fit', () => {
    const r = checkRequest(veo31, input({ durationSeconds: 5.2 }));
    expect(r.violations).toEqual([]);
    expect(r.adjustments).toEqual([
      expect.objectContaining({ constraint: 'duration', field: 'duration', requested: 5.2, applied: 6 }),
    ]);
    expect(r.adjustments[0]?.note).toMatch(/Generated at 6 s .* fitted to the shot's 5\.2 s/);
  });

  it('breaks a tie toward the longer clip (trimming loses nothing)', () => {
    expect(nearestDuration({ kind: 'list', seconds: [4, 6, 8] }, 5, null)).toBe(6);
    expect(nearestDuration({ kind: 'list', seconds: [4, 6, 8] }, 2, null)).toBe(4);
    expect(nearestDuration({ kind: 'range', min: 2, max: 10 }, 5.4, 1)).toBe(5);
    expect(nearestDuration({ kind: 'range', min: 2, max: 10 }, 12, 1)).toBe(10);
  });

  it('refuses reference images on a shot that is not about 8 s, saying how to fix it', () => {
    const r = checkRequest(veo31, input({ durationSeconds: 5, references: [{ kind: 'character' }] }));
    expect(ids(r).violations).toEqual(['references_duration']);
    expect(r.violations[0]).toMatchObject({ field: 'duration' });
    expect(r.violations[0]?.fix).toMatch(/8 s.*or remove its reference images/);
  });

  it('accepts references on a 7.4 s shot: it rounds to 8 s anyway', () => {
    const r = checkRequest(veo31, input({ durationSeconds: 7.4, references: [{ kind: 'character' }] }));
    expect(ids(r)).toEqual({ violations: [], adjustments: ['duration'] });
  });

  it('refuses a first frame together with reference images (the sweater-drift case)', () => {
    const r = checkRequest(
      veo31,
      input({ firstFrame: true, references: [{ kind: 'character' }, { kind: 'environment' }] }),
    );
    expect(ids(r).violations).toEqual(['references_with_first_frame']);
    expect(r.violations[0]?.field).toBe('continuity');
    expect(r.violations[0]?.fix).toMatch(/turn off continuity/);
  });

  it('refuses a last frame without a first frame, and a last frame with references', () => {
    expect(ids(checkRequest(veo31, input({ lastFrame: true }))).violations).toEqual([
      'last_frame_without_first_frame',
    ]);
    expect(
      ids(
        checkRequest(
          veo31,
          input({ firstFrame: true, lastFrame: true, references: [{ kind: 'character' }] }),
        ),
      ).violations,
    ).toEqual(['references_with_first_frame', 'references_with_last_frame']);
  });

  it('refuses more than three reference images', () => {
    const refs = Array.from({ length: 4 }, () => ({ kind: 'character' as const }));
    expect(ids(checkRequest(veo31, input({ references: refs }))).violations).toEqual(['references_count']);
  });

  it('drops style references Veo 3.1 does not take, and says so', () => {
    const r = checkRequest(veo31, input({ references: [{ kind: 'character' }, { kind: 'style' }] }));
    expect(ids(r)).toEqual({ violations: [], adjustments: ['reference_kind'] });
  });

  it('takes no seed on the Gemini API but does on Vertex AI', () => {
    const gemini = checkRequest(veo31, input({ wantsSeed: true }));
    expect(gemini.violations).toEqual([]);
    expect(gemini.adjustments).toEqual([
      expect.objectContaining({ constraint: 'seed_unsupported', field: 'seed', applied: null }),
    ]);
    expect(checkRequest(vertex31, input({ wantsSeed: true }))).toEqual({ violations: [], adjustments: [] });
  });

  it('refuses 1080p unless the clip is 8 s', () => {
    expect(
      ids(checkRequest(veo31, input({ width: 1920, height: 1080, durationSeconds: 6 }))).violations,
    ).toEqual(['size_duration']);
    expect(ids(checkRequest(veo31, input({ width: 1920, height: 1080, durationSeconds: 8 })))).toEqual({
      violations: [],
      adjustments: [],
    });
  });

  it('refuses 1:1, an overlong shot and an overlong prompt', () => {
    expect(
      ids(checkRequest(veo31, input({ aspectRatio: '1:1', width: 720, height: 720 }))).violations,
    ).toEqual(['aspect_ratio']);
    expect(ids(checkRequest(veo31, input({ durationSeconds: 14 }))).violations).toEqual([
      'duration_too_long',
    ]);
    expect(ids(checkRequest(veo31, input({ promptLength: 5000 }))).violations).toEqual(['prompt_length']);
  });

  it('maps an odd size onto the nearest allowed size of the same shape', () => {
    const r = checkRequest(veo31, input({ width: 1024, height: 576 }));
    expect(r.adjustments).toEqual([
      expect.objectContaining({ constraint: 'size', requested: '1024x576', applied: '1280x720' }),
    ]);
  });

  it('states the exclusions in the capabilities the editor shows', () => {
    expect(veo31.exclusions).toContain('Reference images require a 8 s clip.');
    expect(veo31.exclusions).toContain('No first frame together with reference images.');
    expect(veo31.exclusions.join(' ')).toMatch(/takes no seed/);
  });
});

describe('checkRequest with ranges and other tables', () => {
  it('Runway Gen-4.5 takes whole seconds 2 to 10', () => {
    const r = checkRequest(gen45, input({ durationSeconds: 5.4 }));
    expect(r.adjustments).toEqual([expect.objectContaining({ constraint: 'duration', applied: 5 })]);
    expect(ids(checkRequest(gen45, input({ lastFrame: true, firstFrame: true }))).violations).toEqual([
      'last_frame',
    ]);
  });

  it('references to a model that takes none are left out, not refused', () => {
    const r = checkRequest(gen45, input({ references: [{ kind: 'character' }] }));
    expect(ids(r)).toEqual({ violations: [], adjustments: ['references_unsupported'] });
  });
});

describe('applyAdjustments', () => {
  it('gives the request the provider will receive', () => {
    const request = videoRequest({
      model: 'veo-3.1-generate-preview',
      durationSeconds: 5.2,
      seed: 3,
      width: 1024,
      height: 576,
    });
    const { adjustments } = checkRequest(veo31, {
      ...input({ durationSeconds: 5.2, wantsSeed: true, width: 1024, height: 576 }),
    });
    const out = applyAdjustments(veo31, request, adjustments);
    expect(out).toMatchObject({ durationSeconds: 6, seed: null, width: 1280, height: 720 });
  });
});
