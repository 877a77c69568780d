import { diagnoseBytes, formatBytes, toDiagnosisJson } from "@/lib/diagnose";
import { canDiagnose } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { localeOfHeaders } from "@/lib/i18n/locales";
import { apiRoute } from "../_lib/api-route";
import { logBodyChunks } from "./log-body";

export const dynamic = "force-dynamic";

/**
 * Diagnoses an SGLang log sent as the body (text/plain) or as the `file` part of a multipart upload.
 * Answers what `npm run diagnose -- --json FILE` prints, its words in the reader's language. The body is read as a
 * stream, never held whole.
 */
export const POST = apiRoute({
  allow: (actor) => canDiagnose(actor),
  handler: async ({ request, services }) => {
    const maxBytes = services.env.diagnoseMaxBytes;
    const limit = formatBytes(maxBytes);
    const { diagnosis, bytes } = await diagnoseBytes(logBodyChunks(request, maxBytes, limit), { maxBytes });
    if (bytes === 0) throw new AppError("log_empty");
    return toDiagnosisJson(diagnosis, localeOfHeaders(request.headers));
  },
});
