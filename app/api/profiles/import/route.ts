import { z } from "zod";
import { says } from "@/lib/schema-text";
import { canManageProfiles } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { PROFILE_IMPORT_MAX_CHARS, parseProfileImport } from "@/lib/launch";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

// The file's text is sent as is, so that "not JSON" and "not profiles" get sentences about the file.
export const POST = apiRoute({
  body: z.object({ text: z.string().max(PROFILE_IMPORT_MAX_CHARS, says("profileFileTooLarge", "the file is too large for a profile export")) }),
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ body, actor, services }) => {
    const parsed = parseProfileImport(body.text);
    if (!parsed.ok) throw new AppError("bad_request", { detail: parsed.error });
    const profiles = await services.launchProfiles.import(actor, parsed.profiles);
    await services.audit({ actor, action: "profile_create", detail: { imported: profiles.map((saved) => saved.id) } });
    return { profiles };
  },
  status: 201,
});
