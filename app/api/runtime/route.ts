import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: () => true,
  handler: async ({ services }) => {
    const { simulated, version, reason, python } = services.runtime;
    return { simulated, version, reason, python };
  },
});
