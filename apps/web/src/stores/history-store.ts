import { createStore } from 'zustand/vanilla';
import type { Command } from '../commands/command';

// Undo/redo over commands. Operations run one after another (a second Ctrl+Z waits for the first).

export interface HistoryState {
  past: Command[];
  future: Command[];
  busy: boolean;
  execute(command: Command): Promise<boolean>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
  clear(): void;
}

export const HISTORY_LIMIT = 200;

export type HistoryStore = ReturnType<typeof createHistoryStore>;

export function createHistoryStore(onError: (error: unknown, command: Command) => void) {
  let chain: Promise<unknown> = Promise.resolve();
  // clear() bumps the generation so an operation in flight does not push onto a history just dropped.
  let generation = 0;

  return createStore<HistoryState>()((set, get) => {
    // When nothing is running the step starts synchronously, so a command's preview shows within the
    // same event (a clicked checkbox ticks at once); otherwise it waits its turn.
    let queued = 0;
    function serial(step: () => Promise<boolean>): Promise<boolean> {
      const wasIdle = queued === 0;
      queued++;
      const run = async () => {
        set({ busy: true });
        try {
          return await step();
        } finally {
          queued--;
          set({ busy: queued > 0 });
        }
      };
      const next = wasIdle ? run() : chain.then(run);
      chain = next.catch(() => undefined);
      return next;
    }

    return {
      past: [],
      future: [],
      busy: false,
      execute: (command) =>
        serial(async () => {
          const gen = generation;
          try {
            await command.do();
          } catch (error) {
            onError(error, command);
            return false;
          }
          if (gen === generation) set({ past: [...get().past, command].slice(-HISTORY_LIMIT), future: [] });
          return true;
        }),
      undo: () =>
        serial(async () => {
          const command = get().past.at(-1);
          if (!command) return false;
          const gen = generation;
          try {
            await command.undo();
          } catch (error) {
            // The document is no longer what this history describes: keep nothing that might misapply.
            generation++;
            set({ past: [], future: [] });
            onError(error, command);
            return false;
          }
          if (gen === generation) set({ past: get().past.slice(0, -1), future: [...get().future, command] });
          return true;
        }),
      redo: () =>
        serial(async () => {
          const command = get().future.at(-1);
          if (!command) return false;
          const gen = generation;
          try {
            await command.do();
          } catch (error) {
            generation++;
            set({ past: [], future: [] });
            onError(error, command);
            return false;
          }
          if (gen === generation) set({ past: [...get().past, command], future: get().future.slice(0, -1) });
          return true;
        }),
      clear: () => {
        generation++;
        set({ past: [], future: [] });
      },
    };
  });
}
