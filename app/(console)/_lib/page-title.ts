import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A page's <title> in the reader's language: "<page> · SGLang Console". `navKey` is one of common.nav's keys. */
export async function pageMetadata(navKey: string): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("pageTitle", { page: t(`nav.${navKey}`) }) };
}
