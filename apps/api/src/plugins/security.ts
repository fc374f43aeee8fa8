import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  type HostPolicyInput,
  hostName,
  hostPolicy,
  isAllowedHost,
  isAllowedWriteOrigin,
} from '../lib/host-policy';
import { HttpError } from '../lib/http-error';

export type SecurityOptions = HostPolicyInput;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers (helmet, with a Content-Security-Policy the editor satisfies: it loads only its own
 * scripts, and media, thumbnails and recorded voices from this origin or blob:), the Host check against
 * DNS rebinding and the Origin check on writes (lib/host-policy.ts says why). No CORS: the editor is
 * served by this same origin, so nothing else needs to read the API from a browser.
 */
export default fp(async function security(app: FastifyInstance, options: SecurityOptions) {
  const policy = hostPolicy(options);
  const tls = options.publicUrl?.protocol === 'https:';
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The editor sets styles through React's style prop and libraries insert small <style> blocks.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on plain http (a LAN address) it would send every asset request to https.
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: tls ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });

  app.addHook('onRequest', async (request) => {
    const host = request.headers.host;
    if (!isAllowedHost(host, policy)) {
      throw new HttpError(
        'unknown_host',
        `This studio does not answer to "${host ? hostName(host) : ''}". Open it at its own address, or add the name to MINISTUDIO_PUBLIC_URL or MINISTUDIO_ALLOWED_HOSTS.`,
        { host: host ?? null },
      );
    }
    const site = request.headers['sec-fetch-site'];
    if (!READS.has(request.method) && !isAllowedWriteOrigin(request.headers.origin, site, policy)) {
      throw new HttpError('cross_origin', 'A page on another site may not change this studio.', {
        origin: request.headers.origin ?? null,
      });
    }
  });
});
