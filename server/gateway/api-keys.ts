import { createHash, randomBytes, randomUUID } from "node:crypto";
import { API_KEY_PREFIX, type ApiKeyView, type CreateApiKeyInput } from "../../lib/api-keys";
import { AppError } from "../../lib/errors";
import type { Db } from "../db/client";

export const hashApiKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

interface ApiKeyRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  modelsJson: string | null;
  expiresAt: Date | null;
  rpm: number | null;
  tpm: number | null;
  maxInFlight: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function toApiKeyView(row: ApiKeyRow, nameOf: (userId: string) => string): ApiKeyView {
  return {
    id: row.id,
    userId: row.userId,
    ownerName: nameOf(row.userId),
    name: row.name,
    prefix: row.prefix,
    models: row.modelsJson ? (JSON.parse(row.modelsJson) as string[]) : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    rpm: row.rpm,
    tpm: row.tpm,
    maxInFlight: row.maxInFlight,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Makes a key; the secret is in the answer once and never stored (only its SHA-256: 192 random bits need no slow hash). */
export async function createApiKey(db: Db, { userId, input }: { userId: string; input: CreateApiKeyInput }): Promise<{ row: ApiKeyRow; secret: string }> {
  const secret = API_KEY_PREFIX + randomBytes(24).toString("base64url");
  const row = await db.apiKey.create({
    data: {
      id: randomUUID(),
      userId,
      name: input.name,
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      hash: hashApiKey(secret),
      modelsJson: input.models ? JSON.stringify(input.models) : null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      rpm: input.rpm ?? null,
      tpm: input.tpm ?? null,
      maxInFlight: input.maxInFlight ?? null,
    },
  });
  return { row, secret };
}

export function listApiKeys(db: Db, { userId }: { userId?: string }): Promise<ApiKeyRow[]> {
  return db.apiKey.findMany({ where: userId ? { userId } : {}, orderBy: { createdAt: "desc" } });
}

export async function findApiKeyOrThrow(db: Db, { id }: { id: string }): Promise<ApiKeyRow> {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row) throw new AppError("api_key_not_found", { id });
  return row;
}

export async function revokeApiKey(db: Db, { id }: { id: string }): Promise<ApiKeyRow> {
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}

/** The key behind a secret with its owner, when it is neither revoked nor expired and its owner is active. */
export async function findUsableApiKey(db: Db, { secret }: { secret: string }) {
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(secret) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  const user = await db.user.findUnique({ where: { id: row.userId } });
  if (!user || user.banned) return null;
  return { key: row, user };
}

export async function touchApiKey(db: Db, { id }: { id: string }): Promise<void> {
  await db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });
}
