import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  hostName,
  hostPolicy,
  isAllowedHost,
  isAllowedWriteOrigin,
  parsePublicUrl,
} from '../src/lib/host-policy';
import { errorOf, json, useStudio } from './helpers';
import { smallProduction, whenSettled } from './render-harness';

describe('host policy (pure)', () => {
  const loopback = hostPolicy({ publicUrl: null, extraHosts: [] });
  const team = hostPolicy({ publicUrl: new URL('https://Studio.Example.com'), extraHosts: ['studio'] });

  it('reads the name out of a Host header, ports and IPv6 brackets included', () => {
    expect(hostName('Example.COM:5170')).toBe('example.com');
    expect(hostName('[::1]:5170')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });

  it('answers to loopback names only, until told its public name', () => {
    expect(isAllowedHost('localhost:5170', loopback)).toBe(true);
    expect(isAllowedHost('127.0.0.1:9', loopback)).toBe(true);
    expect(isAllowedHost('[::1]:5170', loopback)).toBe(true);
    // DNS rebinding: another site's name pointed at 127.0.0.1.
    expect(isAllowedHost('evil.example:5170', loopback)).toBe(false);
    expect(isAllowedHost('localhost.evil.example', loopback)).toBe(false);
    expect(isAllowedHost(undefined, loopback)).toBe(false);
    expect(isAllowedHost('studio.example.com', team)).toBe(true);
    expect(isAllowedHost('studio:5170', team)).toBe(true);
    expect(isAllowedHost('other.example.com', team)).toBe(false);
  });

  it('lets writes through without an Origin or from its own names, never from another site', () => {
    expect(isAllowedWriteOrigin(undefined, undefined, loopback)).toBe(true);
    expect(isAllowedWriteOrigin('http://localhost:5170', 'same-origin', loopback)).toBe(true);
    expect(isAllowedWriteOrigin('https://evil.example', undefined, loopback)).toBe(false);
    expect(isAllowedWriteOrigin('null', undefined, loopback)).toBe(false);
    expect(isAllowedWriteOrigin(undefined, 'cross-site', loopback)).toBe(false);
    expect(isAllowedWriteOrigin('https://studio.example.com', 'same-origin', team)).toBe(true);
  });

  it('accepts only http(s) public URLs, with a message that says what was wrong', () => {
    expect(parsePublicUrl('')).toBeNull();
    expect(parsePublicUrl('http://studio.local:5170')?.hostname).toBe('studio.local');
    expect(() => parsePublicUrl('studio.local')).toThrow(/must be a URL/);
    expect(() => parsePublicUrl('ftp://studio.local')).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('security on a loopback studio', () => {
  const studio = useStudio();

  it('sends security headers with a Content-Security-Policy, and no CORS', async () => {
    const response = await studio.app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a request for another name (DNS rebinding) with 421 in the error shape', async () => {
    const response = await studio.app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { host: 'rebound.evil.example:5170' },
    });
    expect(response.statusCode).toBe(421);
    const error = errorOf(response);
    expect(error.code).toBe('unknown_host');
    expect(error.message).toContain('rebound.evil.example');
    expect(error.message).toContain('MINISTUDIO_PUBLIC_URL');
  });

  it('refuses a write from another site and changes nothing; the same write from the editor works', async () => {
    const body = { title: 'Cross-site' };
    const refused = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('cross_origin');
    const list = json<{ title: string }[]>(await studio.app.inject({ method: 'GET', url: '/api/projects' }));
    expect(list.some((p) => p.title === 'Cross-site')).toBe(false);

    const accepted = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { origin: 'http://localhost:5170', 'sec-fetch-site': 'same-origin' },
      payload: body,
    });
    expect(accepted.statusCode).toBe(201);
  });
});

describe('security on a studio with a public https address', () => {
  const studio = useStudio({
    security: { publicUrl: new URL('https://studio.example.com'), extraHosts: ['studio'] },
  });

  it('answers to its public name and the workers’ name, upgrades to https, and sends HSTS', async () => {
    for (const host of ['studio.example.com', 'studio:5170', 'localhost:5170']) {
      const response = await studio.app.inject({ method: 'GET', url: '/api/health', headers: { host } });
      expect(response.statusCode, host).toBe(200);
    }
    const response = await studio.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { host: 'studio.example.com' },
    });
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String(response.headers['strict-transport-security'])).toContain('max-age=');
  });
});

describe('request log', () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const studio = useStudio({ logger: { level: 'info', stream } });

  it('writes one line per request with the request id it sends back, and no query string', async () => {
    lines.length = 0;
    const response = await studio.app.inject({ method: 'GET', url: '/api/projects?secret=abc' });
    const id = response.headers['x-request-id'];
    expect(typeof id).toBe('string');
    const mine = lines.filter((l) => l.reqId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ msg: 'request', method: 'GET', url: '/api/projects', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('secret=abc');
  });

  it('tags the jobs a request queued with its request id', { timeout: 240_000 }, async () => {
    const imported = await studio.app.inject({
      method: 'POST',
      url: '/api/projects/import',
      payload: smallProduction(),
    });
    const { id } = json<{ id: string }>(imported);
    lines.length = 0;
    const render = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/render`,
      payload: {},
    });
    expect(render.statusCode).toBe(202);
    const jobs = json<{ jobs: { id: string }[] }>(render).jobs.map((j) => j.id);
    const queued = lines.find((l) => l.msg === 'jobs queued' && l.reqId === render.headers['x-request-id']);
    expect(queued?.jobIds).toEqual(jobs);
    await whenSettled(studio.app, id);
  });

  it('keeps a proxy’s request id when it looks like one, and replaces one that does not', async () => {
    const kept = await studio.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'proxy-123' },
    });
    expect(kept.headers['x-request-id']).toBe('proxy-123');
    const replaced = await studio.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).not.toContain('bad');
  });
});
