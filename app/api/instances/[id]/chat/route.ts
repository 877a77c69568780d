import { z } from "zod";
import { says } from "@/lib/schema-text";
import { canUsePlayground } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

const chatSchema = z.object({
  messages: z
    .array(z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string().max(200_000) }))
    .min(1, says("oneMessage", "send at least one message"))
    .max(200),
  maxTokens: z.number().int().min(1).max(32_768).optional(),
});

export const POST = apiRoute<z.infer<typeof chatSchema>, { id: string }>({
  body: chatSchema,
  allow: (actor, { params, services }) => canUsePlayground(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ body, params, services, request }) => {
    const endpoint = services.supervisor.endpointOf(params.id);
    return { reply: await services.sendChat({ ...endpoint, messages: body.messages, maxTokens: body.maxTokens, signal: request.signal }) };
  },
});
