import { z } from "zod";
import { says } from "./schema-text";

/** Keys begin with this, so a leaked one is recognisable (and secret scanners can be taught it). */
export const API_KEY_PREFIX = "sgc_";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, says("keyName", "give the key a name")).max(100),
  models: z.array(z.string().min(1).max(300)).max(100).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  rpm: z.number().int().positive().max(1_000_000).optional(),
  tpm: z.number().int().positive().max(1_000_000_000).optional(),
  maxInFlight: z.number().int().positive().max(10_000).optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** A key as lists show it: never its secret. */
export interface ApiKeyView {
  id: string;
  userId: string;
  ownerName: string;
  name: string;
  prefix: string;
  models: string[] | null;
  expiresAt: string | null;
  rpm: number | null;
  tpm: number | null;
  maxInFlight: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
