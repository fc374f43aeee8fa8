// Undoing a delete re-creates the entity under a new server id. Commands keep the id they were made with
// and resolve it here, so a later undo or redo still finds "the same" shot.
export interface IdMap {
  resolve(id: string): string;
  alias(from: string, to: string): void;
}

export function createIdMap(): IdMap {
  const aliases = new Map<string, string>();
  return {
    resolve(id) {
      let current = id;
      const seen = new Set<string>();
      while (aliases.has(current) && !seen.has(current)) {
        seen.add(current);
        current = aliases.get(current)!;
      }
      return current;
    },
    alias(from, to) {
      if (from !== to) aliases.set(from, to);
    },
  };
}
