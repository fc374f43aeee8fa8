import { createVerify, generateKeyPairSync } from 'node:crypto';
import { sniffBytes } from '@ministudio/files';
import { describe, expect, it } from 'vitest';
import { signServiceAccountJwt } from '../src/auth/google-auth';
import { codeForStatus, errorForResponse, providerMessage } from '../src/http/errors';
import { parseRetryAfter, retryAfterFromHeaders } from '../src/http/retry-after';
import { redactedCause, redactSecrets } from '../src/redact';
import { charactersFromAlignment, wordsFromCharacters } from '../src/speech/alignment';
import { loadWorkflowTemplate } from '../src/video/comfyui';
import {
  fillWorkflow,
  findVideoOutput,
  framesFor,
  parseWorkflow,
  placeholdersOf,
} from '../src/video/comfyui-workflow';
import { progressFromLogs } from '../src/video/replicate';
import { runwayFailureCode } from '../src/video/runway';
import { fixtures } from './fakes/fixtures';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter(' 2.5 ', now)).toBe(3);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
  it('prefers retry-after-ms when present', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(2);
  });
});

describe('error classification', () => {
  it('maps statuses and Google statuses to failure codes', () => {
    expect(codeForStatus(429, '')).toBe('provider_rate_limited');
    expect(codeForStatus(400, '{"error":{"status":"RESOURCE_EXHAUSTED"}}')).toBe('provider_rate_limited');
    expect(codeForStatus(503, '')).toBe('provider_unavailable');
    expect(codeForStatus(504, '')).toBe('provider_unavailable');
    expect(codeForStatus(422, '')).toBe('provider_rejected_input');
  });
  it('reads every provider dialect of error body', () => {
    expect(providerMessage('{"error":{"message":"bad prompt"}}')).toBe('bad prompt');
    expect(providerMessage('{"detail":{"status":"quota_exceeded","message":"Quota"}}')).toBe('Quota');
    expect(providerMessage('{"detail":[{"msg":"a"},{"msg":"b"}]}')).toBe('a; b');
    expect(providerMessage('{"error":"plain"}')).toBe('plain');
    expect(providerMessage('<html>')).toBeNull();
  });
  it('redacts a key the provider echoes back', () => {
    const e = errorForResponse('X', 'starting', 401, '{"error":"key sk-SECRET-abcdef is invalid"}', null, [
      'sk-SECRET-abcdef',
    ]);
    expect(e.message).not.toContain('sk-SECRET-abcdef');
    expect(e.message).toMatch(/\[redacted\]/);
    expect(e.retryable).toBe(false);
  });
  it('classifies Runway failure codes', () => {
    expect(runwayFailureCode('SAFETY.INPUT.TEXT', 'x')).toBe('content_filtered');
    expect(runwayFailureCode('INTERNAL.BAD_OUTPUT', 'x')).toBe('provider_unavailable');
    expect(runwayFailureCode('ASSET.INVALID', 'bad image')).toBe('provider_rejected_input');
  });
  it('reads Replicate progress from logs', () => {
    expect(progressFromLogs(' 10%|#\n 45%|####')).toBe(0.45);
    expect(progressFromLogs('starting')).toBeNull();
  });
});

describe('redactSecrets', () => {
  it('masks plain, URL-encoded and JSON-escaped forms, longest first', () => {
    const key = 'fal-id:fal/secret+xyz';
    expect(redactSecrets(`a ${key} b ${encodeURIComponent(key)}`, [key])).toBe('a [redacted] b [redacted]');
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    expect(redactSecrets(JSON.stringify({ pem }), [pem])).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(redactSecrets('abc', ['ab'])).toBe('abc');
  });
  it('redacts a whole cause chain', () => {
    const cause = redactedCause(new Error('outer TOKEN-123456', { cause: new Error('inner TOKEN-123456') }), [
      'TOKEN-123456',
    ]);
    expect(cause?.message).toBe('Error: outer [redacted] <- Error: inner [redacted]');
  });
});

describe('media sniffing', () => {
  it('recognises the fixtures and refuses HTML', async () => {
    expect(await sniffBytes(fixtures().mp4)).toEqual({ mime: 'video/mp4', ext: 'mp4' });
    expect((await sniffBytes(fixtures().wav))?.mime).toBe('audio/wav');
    expect((await sniffBytes(fixtures().mp3))?.mime).toBe('audio/mpeg');
    expect(await sniffBytes(Buffer.from('<!doctype html><html>'))).toBeNull();
  });
});

describe('ComfyUI workflow templates', () => {
  const template = parseWorkflow(
    JSON.stringify({
      '1': { class_type: 'LoadImage', inputs: { image: '{{first_frame}}' } },
      '2': {
        class_type: 'Sampler',
        inputs: { seed: '{{seed}}', text: 'shot: {{prompt}}', start: ['1', 0], other: ['3', 0] },
      },
      '3': { class_type: 'X', inputs: {} },
    }),
  );
  it('fills whole placeholders with typed values and partial ones as text', () => {
    const wf = fillWorkflow(template, { first_frame: 'in.png', seed: 42, prompt: 'a boat' });
    expect(wf['1']?.inputs.image).toBe('in.png');
    expect(wf['2']?.inputs).toMatchObject({ seed: 42, text: 'shot: a boat', start: ['1', 0] });
  });
  it('removes a node whose image is absent, and the links to it', () => {
    const wf = fillWorkflow(template, { first_frame: null, seed: 1, prompt: 'p' });
    expect(wf['1']).toBeUndefined();
    expect(wf['2']?.inputs.start).toBeUndefined();
    expect(wf['2']?.inputs.other).toEqual(['3', 0]);
  });
  it('refuses a placeholder with no value, and a UI-format workflow', () => {
    expect(() => fillWorkflow(template, { seed: 1, prompt: 'p' })).toThrow(/first_frame/);
    expect(() => parseWorkflow('{"nodes":[],"links":[]}')).toThrow(/API format/);
  });
  it('ships a default template with the documented placeholders', () => {
    const names = placeholdersOf(loadWorkflowTemplate(null).workflow);
    for (const n of [
      'prompt',
      'negative_prompt',
      'seed',
      'frames_4k1',
      'fps',
      'width',
      'height',
      'first_frame',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });
  it('counts frames, with the 4k+1 form Wan models want', () => {
    expect(framesFor(2, 24)).toEqual({ frames: 48, frames4k1: 49 });
    expect(framesFor(5.2, 24)).toEqual({ frames: 125, frames4k1: 125 });
  });
  it('finds the video among history outputs (SaveVideo under images, VHS under gifs)', () => {
    expect(
      findVideoOutput({ '9': { images: [{ filename: 'a.png', subfolder: '', type: 'output' }] } }),
    ).toBeNull();
    expect(
      findVideoOutput({ '9': { gifs: [{ filename: 'v.mp4', subfolder: 's', type: 'output' }] } }),
    ).toEqual({
      filename: 'v.mp4',
      subfolder: 's',
      type: 'output',
    });
  });
});

describe('ElevenLabs alignment', () => {
  it('zips characters and groups words', () => {
    const chars = charactersFromAlignment({
      characters: ['H', 'i', ' ', 'y', 'o'],
      character_start_times_seconds: [0, 0.1, 0.2, 0.3, 0.4],
      character_end_times_seconds: [0.1, 0.2, 0.3, 0.4, 0.5],
    });
    expect(chars?.length).toBe(5);
    expect(wordsFromCharacters(chars ?? [])).toEqual([
      { text: 'Hi', startSeconds: 0, endSeconds: 0.2 },
      { text: 'yo', startSeconds: 0.3, endSeconds: 0.5 },
    ]);
    expect(charactersFromAlignment({ characters: ['a'] })).toBeNull();
  });
});

describe('service-account JWT', () => {
  it('signs RS256 claims that verify with the public key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwt = signServiceAccountJwt(
      {
        client_email: 'a@b.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      'http://127.0.0.1/token',
      'https://www.googleapis.com/auth/cloud-platform',
      1000,
    );
    const [h, c, s] = jwt.split('.');
    expect(
      createVerify('RSA-SHA256')
        .update(`${h}.${c}`)
        .verify(publicKey, Buffer.from(s ?? '', 'base64url')),
    ).toBe(true);
    expect(JSON.parse(Buffer.from(c ?? '', 'base64url').toString())).toEqual({
      iss: 'a@b.iam.gserviceaccount.com',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: 'http://127.0.0.1/token',
      iat: 1000,
      exp: 4600,
    });
  });
});
