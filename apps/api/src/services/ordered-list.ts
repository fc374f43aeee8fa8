import { HttpError } from '../lib/http-error';
import type { Tx } from './project-write';

/**
 * A list kept in order by a `position` column (0..n-1 within its scope: a project's scenes, characters
 * and environments, a scene's shots, an owner's reference images). Each list says how to read and shift
 * its rows; the bookkeeping below is the same for all of them.
 */
export interface OrderedTable {
  /** What one item is called in messages ("scene", "shot"). */
  what: string;
  /** The ids in the scope, in position order. */
  ids(tx: Tx, scope: string): Promise<string[]>;
  /** Moves every item of the scope at `from` or later by `by` places. */
  shift(tx: Tx, scope: string, from: number, by: 1 | -1): Promise<unknown>;
}

/** A list the user can reorder (scenes, shots). */
export interface ReorderableTable extends OrderedTable {
  /** Puts an item at `position` of `scope` (for shots, possibly another scene than its own). */
  place(tx: Tx, id: string, scope: string, position: number): Promise<unknown>;
}

/** Makes room at `index` (clamped; the end when undefined) and returns the position to insert at. */
export async function openSlot(
  tx: Tx,
  table: OrderedTable,
  scope: string,
  index: number | undefined,
): Promise<number> {
  const count = (await table.ids(tx, scope)).length;
  const at = index === undefined ? count : Math.min(Math.max(index, 0), count);
  if (at < count) await table.shift(tx, scope, at, 1);
  return at;
}

/** Makes room right after `position` (where a duplicate goes) and returns that position. */
export async function openSlotAfter(tx: Tx, table: OrderedTable, scope: string, position: number) {
  await table.shift(tx, scope, position + 1, 1);
  return position + 1;
}

/** Closes the gap an item at `position` left when it was deleted or moved out. */
export async function closeGap(tx: Tx, table: OrderedTable, scope: string, position: number) {
  await table.shift(tx, scope, position + 1, -1);
}

/** Moves an item to `index` of `scope` (the end when undefined), renumbering the scope 0..n-1. */
export async function moveTo(
  tx: Tx,
  table: ReorderableTable,
  scope: string,
  id: string,
  index: number | undefined,
): Promise<void> {
  const ids = (await table.ids(tx, scope)).filter((other) => other !== id);
  ids.splice(index === undefined ? ids.length : Math.min(Math.max(index, 0), ids.length), 0, id);
  await renumber(tx, table, scope, ids);
}

/** Applies a whole new order; it must name every item of the scope exactly once. */
export async function reorder(
  tx: Tx,
  table: ReorderableTable,
  scope: string,
  given: string[],
): Promise<void> {
  assertPermutation(await table.ids(tx, scope), given, table.what);
  await renumber(tx, table, scope, given);
}

async function renumber(tx: Tx, table: ReorderableTable, scope: string, ids: string[]) {
  for (const [position, id] of ids.entries()) await table.place(tx, id, scope, position);
}

/** The order body's schema already refuses repeated ids; this checks the ids against the list. */
export function assertPermutation(existing: string[], given: string[], what: string) {
  const have = new Set(existing);
  const missing = existing.filter((id) => !given.includes(id));
  const unknown = given.filter((id) => !have.has(id));
  if (missing.length || unknown.length) {
    throw new HttpError('validation_failed', `The new order must list every ${what} exactly once`, {
      issues: [
        ...missing.map((id) => ({ path: '/ids', message: `missing ${what} ${id}` })),
        ...unknown.map((id) => ({ path: '/ids', message: `${id} is not a ${what} here` })),
      ],
    });
  }
}
