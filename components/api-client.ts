// The one way pages call the console's API: JSON in and out, errors kept with their code and the message the
// API wrote. A 401 anywhere (the session ended) leads to sign-in; a 403 says the role does not allow it.

import { createTranslator } from "next-intl";
import enCommon from "@/messages/en/common.json";
import zhCommon from "@/messages/zh-CN/common.json";

/** The page's language, for the few messages written here rather than by the API (which answers in it already). */
function failureText(key: "noAnswer" | "requestFailed" | "notAllowed", values?: { status: number }): string {
  const zh = typeof document !== "undefined" && document.documentElement.lang === "zh-CN";
  const t = createTranslator({ locale: zh ? "zh-CN" : "en", messages: { common: zh ? zhCommon : enCommon }, namespace: "common.failures" });
  return t(key, values);
}

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: unknown,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** The failure an error answer stands for; on 401 the page goes to sign-in, coming back here after. */
export async function failureOf(response: Response, fallback = failureText("requestFailed", { status: response.status })): Promise<ApiFailure> {
  const data = (await response.json().catch(() => null)) as ErrorBody | null;
  if (response.status === 401 && typeof window !== "undefined") {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  const message = data?.error?.message ?? (response.status === 403 ? failureText("notAllowed") : fallback);
  return new ApiFailure(message, response.status, data?.error?.details ?? null, data?.error?.code ?? null);
}

export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(failureText("noAnswer"), 0, null);
  }
  if (!response.ok) throw await failureOf(response);
  return (await response.json().catch(() => null)) as T;
}

/** What to show for a failed call: the API's message, or the error as text. */
export const messageOf = (failure: unknown): string => (failure instanceof ApiFailure ? failure.message : String(failure));
