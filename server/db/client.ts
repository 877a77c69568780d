import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

/** The console's one Prisma client, built once by server/services.ts. */
export function createDb(sqliteFile: string): Db {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFile}` }) });
}
