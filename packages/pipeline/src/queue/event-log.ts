import { EventEmitter } from 'node:events';
import type { StudioEventPayloads, StudioEventType } from '@ministudio/domain';

/** One published change; its payload is typed per event type in the domain package. */
export type StudioEvent = {
  [T in StudioEventType]: {
    /** Increasing sequence number, the SSE event id. */
    id: number;
    type: T;
    projectId: string;
    data: StudioEventPayloads[T];
  };
}[StudioEventType];

/**
 * Job and take changes in order, with the last `capacity` kept so a client that reconnects with
 * Last-Event-ID gets what it missed. Older gaps are reported, and the client reloads the lists.
 */
export class EventLog {
  private readonly emitter = new EventEmitter();
  private readonly buffer: StudioEvent[] = [];
  private sequence = 0;

  constructor(private readonly capacity = 2000) {
    this.emitter.setMaxListeners(0);
  }

  publish<T extends StudioEventType>(type: T, projectId: string, data: StudioEventPayloads[T]): StudioEvent {
    const event = { id: ++this.sequence, type, projectId, data } as StudioEvent;
    this.buffer.push(event);
    if (this.buffer.length > this.capacity) this.buffer.shift();
    this.emitter.emit('event', event);
    return event;
  }

  /** Events after `lastId`, or null when some of them are no longer kept. */
  since(lastId: number, projectId: string): StudioEvent[] | null {
    const oldest = this.buffer[0]?.id ?? this.sequence + 1;
    // An id from before a restart, or older than what is kept: the client must reload.
    if (lastId > this.sequence || lastId < oldest - 1) return null;
    return this.buffer.filter((event) => event.id > lastId && event.projectId === projectId);
  }

  get lastId(): number {
    return this.sequence;
  }

  subscribe(listener: (event: StudioEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
