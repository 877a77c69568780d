// next-intl's per-request configuration: the locale the request chose (cookie, else Accept-Language) and its
// catalogues. No locale in the URL: links and bookmarks stay the same in both languages.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { chosenOrNegotiated, LOCALE_COOKIE } from "./locales";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = chosenOrNegotiated(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  return { locale, messages: CATALOGUES[locale], timeZone: process.env.TZ || "UTC" };
});
