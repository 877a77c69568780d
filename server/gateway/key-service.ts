// API keys as people manage them: their own (administrators: everyone's), the secret shown once at creation.
import type { ApiKeyView, CreateApiKeyInput } from "../../lib/api-keys";
import { canManageEveryonesKeys, type Actor } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import type { Db } from "../db/client";
import { createApiKey, findApiKeyOrThrow, listApiKeys, revokeApiKey, toApiKeyView } from "./api-keys";

export function createKeyService(db: Db, nameOf: (userId: string) => string) {
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
      return toApiKeyView(await revokeApiKey(db, { id }), nameOf);
    },
  };
}

export type KeyService = ReturnType<typeof createKeyService>;
