import type { Db } from '@ministudio/db';

export type HealthRepository = ReturnType<typeof createHealthRepository>;

export function createHealthRepository(db: Db) {
  return {
    /** Throws when the database does not answer (the health route then fails). */
    async ping(): Promise<void> {
      await db.$queryRawUnsafe('SELECT 1');
    },
  };
}
