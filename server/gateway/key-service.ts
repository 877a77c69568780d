// API keys as people manage them: their own (administrators: everyone's), the secret shown once at creation.
import type { ApiKeyView, CreateApiKeyInput } from "../../lib/api-keys";
import { canManageEveryonesKeys, type Actor } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import { TtlCache } from "../../lib/ttl-cache";
import type { Db } from "../db/client";
import { createApiKey, findApiKeyOrThrow, findUsableApiKey, hashApiKey, listApiKeys, revokeApiKey, toApiKeyView, touchApiKey } from "./api-keys";

/** How long a looked-up key is trusted without asking the database again (a disabled owner takes this long). */
const KEY_CACHE_MS = 1000;
/** lastUsedAt is written at most this often per key: a write per request would cost more than the request's proxying. */
const TOUCH_EVERY_MS = 60_000;

type Usable = NonNullable<Awaited<ReturnType<typeof findUsableApiKey>>>;

export function createKeyService(db: Db, nameOf: (userId: string) => string) {
  const cache = new TtlCache<string, Usable | null>({ ttlMs: KEY_CACHE_MS });
  const touched = new Map<string, number>();
  const ownedOrThrow = async (actor: Actor, id: string) => {
    const row = await findApiKeyOrThrow(db, { id });
    // Someone else's key is "not found", not "forbidden": its existence is not theirs to learn.
    if (row.userId !== actor.id && !canManageEveryonesKeys(actor)) throw new AppError("api_key_not_found", { id });
    return row;
  };
  return {
    list: async (actor: Actor): Promise<ApiKeyView[]> =>
      (await listApiKeys(db, { userId: canManageEveryonesKeys(actor) ? undefined : actor.id })).map((row) => toApiKeyView(row, nameOf)),
    create: async (actor: Actor, input: CreateApiKeyInput): Promise<{ key: ApiKeyView; secret: string }> => {
      const { row, secret } = await createApiKey(db, { userId: actor.id, input });
      return { key: toApiKeyView(row, nameOf), secret };
    },
    revoke: async (actor: Actor, id: string): Promise<ApiKeyView> => {
      await ownedOrThrow(actor, id);
      const row = await revokeApiKey(db, { id });
      // Revoked means at once: no request may pass on a cached lookup.
      cache.clear();
      return toApiKeyView(row, nameOf);
    },
    /** The key and its owner behind a secret, when usable; looked up about once a second per secret (lib/ttl-cache.ts). */
    authenticate: async (secret: string): Promise<Usable | null> => {
      const found = await cache.get(hashApiKey(secret), () => findUsableApiKey(db, { secret }));
      const now = Date.now();
      if (found && found.key.expiresAt && found.key.expiresAt.getTime() <= now) return null;
      if (found && now - (touched.get(found.key.id) ?? 0) >= TOUCH_EVERY_MS) {
        touched.set(found.key.id, now);
        void touchApiKey(db, { id: found.key.id }).catch(() => undefined);
      }
      return found;
    },
  };
}

export type KeyService = ReturnType<typeof createKeyService>;
