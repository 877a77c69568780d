// next-intl's per-request configuration: the locale the request chose (cookie, else Accept-Language) and its
// catalogues. No locale in the URL: links and bookmarks stay the same in both languages.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { LOCALE_COOKIE, localeOfRequest } from "./locales";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = localeOfRequest({ cookie: chosen ? `${LOCALE_COOKIE}=${chosen}` : null, acceptLanguage: headerStore.get("accept-language") });
  return { locale, messages: CATALOGUES[locale], timeZone: process.env.TZ || "UTC" };
});
