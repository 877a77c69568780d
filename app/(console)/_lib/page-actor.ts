import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/authz";
import { getServices } from "@/server/registry";

/**
 * The signed-in person for a server-rendered page; without a session, to first-run setup (no user yet) or to
 * sign-in. Pages then read their data through the same lib/authz checks as the routes.
 */
export async function requirePageActor(): Promise<Actor> {
  const services = getServices();
  const signedIn = await services.auth.signedIn(await headers());
  if (signedIn) return signedIn.actor;
  if (await services.firstRun.needsSetup()) redirect("/setup");
  redirect("/sign-in");
}
