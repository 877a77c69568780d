import { canManageProfiles } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<undefined, { id: string }>({
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ params, actor, services }) => {
    const profile = await services.launchProfiles.duplicate(actor, params.id);
    await services.audit({ actor, action: "profile_create", target: profile.profile.name, detail: { profileId: profile.id, copyOf: params.id } });
    return { profile };
  },
  status: 201,
});
