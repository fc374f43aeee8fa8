import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export function createDb(databaseFile: string): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseFile }) });
}
