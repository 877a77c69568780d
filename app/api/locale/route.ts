import { z } from "zod";
import { LOCALES, localeCookie } from "@/lib/i18n/locales";
import { publicApiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

/**
 * The language switch: remembered in a cookie for this browser and, for a signed-in person, on their account
 * (their next sign-in anywhere sets it). Open before sign-in, so the sign-in page can switch too.
 */
export const POST = publicApiRoute({
  body: z.object({ locale: z.enum(LOCALES) }),
  handler: async ({ body, services, request }) => {
    const signedIn = await services.auth.signedIn(request.headers);
    if (signedIn) await services.auth.setLocale(signedIn.actor.id, body.locale);
    const secure = new URL(request.url).protocol === "https:";
    return Response.json({ locale: body.locale }, { headers: { "set-cookie": localeCookie(body.locale, secure) } });
  },
});
