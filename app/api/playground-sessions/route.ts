import { canSavePlaygroundSession } from "@/lib/authz";
import { sessionInputSchema, type SessionInput } from "@/lib/playground/session";
import { apiRoute } from "../_lib/api-route";

/** The caller's own saved sessions (without their state). */
export const GET = apiRoute({
  allow: (actor) => canSavePlaygroundSession(actor),
  handler: async ({ actor, services }) => ({ sessions: await services.playground.sessions.list({ owner: actor.id }) }),
});

export const POST = apiRoute<SessionInput>({
  body: sessionInputSchema,
  allow: (actor) => canSavePlaygroundSession(actor),
  handler: async ({ body, actor, services }) => ({ session: await services.playground.sessions.create({ owner: actor.id, input: body }) }),
  status: 201,
});
