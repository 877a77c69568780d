import { canUsePlaygroundSession, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { sessionPatchSchema, type SessionInput } from "@/lib/playground/session";
import type { Services } from "@/server/services";
import { apiRoute } from "../../_lib/api-route";

/** Someone else's session reads as missing, so ids of other people's sessions are not confirmed. */
async function ownSession(services: Services, actor: Actor, id: string) {
  const session = await services.playground.sessions.getOrThrow({ id });
  if (!canUsePlaygroundSession(actor, session)) throw new AppError("playground_session_not_found", { id });
  return session;
}

const allow = () => true; // ownership needs the row: checked in ownSession with canUsePlaygroundSession

export const GET = apiRoute<undefined, { id: string }>({
  allow,
  handler: async ({ params, actor, services }) => ({ session: await ownSession(services, actor, params.id) }),
});

export const PATCH = apiRoute<Partial<SessionInput>, { id: string }>({
  body: sessionPatchSchema,
  allow,
  handler: async ({ body, params, actor, services }) => {
    await ownSession(services, actor, params.id);
    return { session: await services.playground.sessions.update({ id: params.id, patch: body }) };
  },
});

export const DELETE = apiRoute<undefined, { id: string }>({
  allow,
  handler: async ({ params, actor, services }) => {
    await ownSession(services, actor, params.id);
    await services.playground.sessions.delete({ id: params.id });
    return { deleted: params.id };
  },
});
