import type { Db } from "../db/client";
import {
  createPlaygroundSession,
  deletePlaygroundSession,
  getPlaygroundSessionOrThrow,
  listPlaygroundSessions,
  updatePlaygroundSession,
} from "../db/playground-sessions";
import { sendPlaygroundRequest } from "./send";
import { streamPlaygroundRequest } from "./stream";

/** What route handlers use of the playground (they reach server/ only through the services). */
export function createPlaygroundService(db: Db) {
  type Args<F> = F extends (db: Db, args: infer A) => unknown ? A : never;
  return {
    send: sendPlaygroundRequest,
    stream: streamPlaygroundRequest,
    sessions: {
      create: (args: Args<typeof createPlaygroundSession>) => createPlaygroundSession(db, args),
      list: (args: Args<typeof listPlaygroundSessions>) => listPlaygroundSessions(db, args),
      getOrThrow: (args: Args<typeof getPlaygroundSessionOrThrow>) => getPlaygroundSessionOrThrow(db, args),
      update: (args: Args<typeof updatePlaygroundSession>) => updatePlaygroundSession(db, args),
      delete: (args: Args<typeof deletePlaygroundSession>) => deletePlaygroundSession(db, args),
    },
  };
}

export type PlaygroundService = ReturnType<typeof createPlaygroundService>;
