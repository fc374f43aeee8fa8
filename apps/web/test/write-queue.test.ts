import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/http';
import { createWriteQueue, WriteDroppedError } from '../src/api/write-queue';

function setup(shown: number | null) {
  const conflicts: string[] = [];
  const pending: number[] = [];
  const queue = createWriteQueue({
    shownVersion: () => shown,
    onConflict: (id) => conflicts.push(id),
    onPendingChange: (_id, n) => pending.push(n),
  });
  return { queue, conflicts, pending };
}

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('write queue', () => {
  it('runs writes one at a time, each with the version the previous one returned', async () => {
    const { queue } = setup(7);
    const seen: number[] = [];
    const first = deferred<{ version: number }>();
    let secondStarted = false;
    const a = queue.run('p', (v) => {
      seen.push(v);
      return first.promise;
    });
    const b = queue.run('p', async (v) => {
      secondStarted = true;
      seen.push(v);
      return { version: v + 1 };
    });
    await Promise.resolve();
    expect(secondStarted).toBe(false);
    first.resolve({ version: 8 });
    await a;
    expect(await b).toEqual({ version: 9 });
    expect(seen).toEqual([7, 8]);
    expect(queue.knownVersion('p')).toBe(9);
  });

  it('uses the newer of the shown and known versions (a late refetch cannot move it back)', async () => {
    let shown = 3;
    const queue = createWriteQueue({
      shownVersion: () => shown,
      onConflict: () => {},
      onPendingChange: () => {},
    });
    await queue.run('p', async () => ({ version: 10 }));
    shown = 4;
    const seen: number[] = [];
    await queue.run('p', async (v) => {
      seen.push(v);
      return { version: v + 1 };
    });
    shown = 20;
    await queue.run('p', async (v) => {
      seen.push(v);
      return { version: v + 1 };
    });
    expect(seen).toEqual([10, 20]);
  });

  it('on a version conflict reports once and drops the writes queued behind it unsent', async () => {
    const { queue, conflicts } = setup(5);
    const sent: string[] = [];
    const a = queue.run('p', async () => {
      sent.push('a');
      throw new ApiError(409, 'version_conflict', 'stale', { currentVersion: 9 });
    });
    const b = queue.run('p', async (v) => {
      sent.push('b');
      return { version: v + 1 };
    });
    await expect(a).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(b).rejects.toBeInstanceOf(WriteDroppedError);
    expect(sent).toEqual(['a']);
    expect(conflicts).toEqual(['p']);
    // Writes made after the conflict are sent again.
    await expect(queue.run('p', async (v) => ({ version: v + 1 }))).resolves.toEqual({ version: 6 });
  });

  it('other errors do not drop later writes', async () => {
    const { queue, conflicts } = setup(1);
    const a = queue.run('p', async () => {
      throw new ApiError(400, 'validation_failed', 'bad', null);
    });
    const b = queue.run('p', async (v) => ({ version: v + 1 }));
    await expect(a).rejects.toMatchObject({ status: 400 });
    await expect(b).resolves.toEqual({ version: 2 });
    expect(conflicts).toEqual([]);
  });

  it('keeps projects independent and counts pending writes', async () => {
    const { queue, pending } = setup(1);
    const gate = deferred<{ version: number }>();
    const slow = queue.run('a', () => gate.promise);
    await expect(queue.run('b', async (v) => ({ version: v + 1 }))).resolves.toEqual({ version: 2 });
    gate.resolve({ version: 2 });
    await slow;
    await Promise.resolve();
    expect(pending).toEqual([1, 1, 0, 0]);
  });

  it('refuses to write when no version is known', async () => {
    const { queue } = setup(null);
    await expect(queue.run('p', async () => ({ version: 1 }))).rejects.toThrow(/No version/);
  });
});
