import { canViewProfiles } from "@/lib/authz";
import { buildProfileExport } from "@/lib/launch";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

/** Every profile, or one with ?id=..., as a JSON file that import reads back. */
export const GET = apiRoute({
  allow: (actor) => canViewProfiles(actor),
  handler: async ({ services, request, actor }) => {
    const id = new URL(request.url).searchParams.get("id");
    const saved = id ? [await services.launchProfiles.get(actor, id)] : await services.launchProfiles.list(actor);
    const fileName = id && saved[0] ? `${saved[0].profile.name.replace(/[^A-Za-z0-9._-]+/g, "-")}.json` : "launch-profiles.json";
    return new Response(JSON.stringify(buildProfileExport(saved.map((s) => s.profile)), null, 2), {
      headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${fileName}"` },
    });
  },
});
