import type { ProjectView } from '@ministudio/domain';
import { vi } from 'vitest';
import { sessionKey } from '../src/account/account-api';
import { projectKey } from '../src/api/query-keys';
import { queryClient } from '../src/app/services';

// The editor in jsdom against a stand-in server: projects come from the query cache, every read answers
// an empty list unless a test answers it, and the event stream only says hello.

/** Says hello (so the editor loads the jobs list), then nothing more. */
class QuietEventSource {
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    if (type === 'hello') queueMicrotask(() => listener(new MessageEvent('hello', { data: '{}' })));
  }
  close() {}
}

export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

export type Answer = (request: SentRequest) => unknown;

export function stubServer(projects: ProjectView[], answer: Answer = () => undefined): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const request = {
      method: init.method ?? 'GET',
      path,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
    };
    sent.push(request);
    return new Response(JSON.stringify(answer(request) ?? []), { status: 200 });
  });
  for (const p of projects) queryClient.setQueryData(projectKey(p.id), p);
  // An open studio (no accounts): its one person owns it, so the editor shows everything at once.
  queryClient.setQueryData(sessionKey, { mode: 'open', user: { name: 'you', role: 'owner' } });
  return sent;
}
