import { ProviderError } from '@ministudio/domain';
import { settingsToSet } from '../service/settings-to-set';
import type { HandlerContext } from './context';

/**
 * A provider with no key or address where the job runs. The studio refuses such shots before queueing;
 * this is the case it cannot see: a Redis render worker without the key (or a key removed since).
 */
export function notConfigured(ctx: HandlerContext, kind: 'video' | 'speech', id: string, label: string) {
  const settings = settingsToSet(id);
  return ctx.onWorker
    ? new ProviderError(
        'worker_not_configured',
        `The render worker has no settings for the ${kind} provider "${label}": set ${settings} in the workers' environment and restart them.`,
      )
    : new ProviderError(
        'provider_not_configured',
        `The ${kind} provider "${label}" is not configured in this studio: set ${settings}.`,
      );
}
