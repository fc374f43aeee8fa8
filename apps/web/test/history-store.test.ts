import { describe, expect, it } from 'vitest';
import type { Command } from '../src/commands/command';
import { createHistoryStore } from '../src/stores/history-store';

function counterCommand(state: { value: number }, by: number, log: string[]): Command {
  return {
    label: `Add ${by}`,
    async do() {
      state.value += by;
      log.push(`do ${by}`);
    },
    async undo() {
      state.value -= by;
      log.push(`undo ${by}`);
    },
  };
}

describe('history store', () => {
  it('undoes and redoes commands in order', async () => {
    const errors: unknown[] = [];
    const store = createHistoryStore((e) => errors.push(e));
    const state = { value: 0 };
    const log: string[] = [];
    await store.getState().execute(counterCommand(state, 1, log));
    await store.getState().execute(counterCommand(state, 10, log));
    expect(state.value).toBe(11);
    expect(await store.getState().undo()).toBe(true);
    expect(state.value).toBe(1);
    expect(store.getState().future.map((c) => c.label)).toEqual(['Add 10']);
    await store.getState().undo();
    expect(state.value).toBe(0);
    expect(await store.getState().undo()).toBe(false);
    await store.getState().redo();
    await store.getState().redo();
    expect(state.value).toBe(11);
    expect(await store.getState().redo()).toBe(false);
    expect(log).toEqual(['do 1', 'do 10', 'undo 10', 'undo 1', 'do 1', 'do 10']);
    expect(errors).toEqual([]);
  });

  it('a new command clears the redo stack', async () => {
    const store = createHistoryStore(() => {});
    const state = { value: 0 };
    await store.getState().execute(counterCommand(state, 1, []));
    await store.getState().undo();
    await store.getState().execute(counterCommand(state, 5, []));
    expect(store.getState().future).toEqual([]);
    expect(store.getState().past.map((c) => c.label)).toEqual(['Add 5']);
  });

  it('serializes rapid undo presses (the second waits for the first)', async () => {
    const store = createHistoryStore(() => {});
    const order: string[] = [];
    const slow = (name: string): Command => ({
      label: name,
      do: async () => {},
      undo: async () => {
        order.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 10));
        order.push(`end ${name}`);
      },
    });
    await store.getState().execute(slow('a'));
    await store.getState().execute(slow('b'));
    await Promise.all([store.getState().undo(), store.getState().undo()]);
    expect(order).toEqual(['start b', 'end b', 'start a', 'end a']);
    expect(store.getState().busy).toBe(false);
  });

  it('does not record a command whose write failed, and reports it', async () => {
    const errors: unknown[] = [];
    const store = createHistoryStore((e) => errors.push(e));
    const ok = await store.getState().execute({
      label: 'Broken',
      do: async () => {
        throw new Error('nope');
      },
      undo: async () => {},
    });
    expect(ok).toBe(false);
    expect(store.getState().past).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('drops the whole history when an undo fails', async () => {
    const store = createHistoryStore(() => {});
    const state = { value: 0 };
    await store.getState().execute(counterCommand(state, 1, []));
    await store.getState().execute({
      label: 'Unundoable',
      do: async () => {},
      undo: async () => {
        throw new Error('gone');
      },
    });
    expect(await store.getState().undo()).toBe(false);
    expect(store.getState().past).toEqual([]);
    expect(store.getState().future).toEqual([]);
  });

  it('clear() during a running command keeps that command out of the new history', async () => {
    const store = createHistoryStore(() => {});
    let release!: () => void;
    const pending = store.getState().execute({
      label: 'Slow',
      do: () => new Promise<void>((r) => (release = r)),
      undo: async () => {},
    });
    expect(store.getState().busy).toBe(true);
    store.getState().clear();
    release();
    await pending;
    expect(store.getState().past).toEqual([]);
  });

  it('starts a command synchronously when idle, so its preview shows within the same event', () => {
    const store = createHistoryStore(() => {});
    let started = false;
    void store.getState().execute({
      label: 'Sync',
      do: async () => {
        started = true;
      },
      undo: async () => {},
    });
    expect(started).toBe(true);
  });
});
