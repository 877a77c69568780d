import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/auth/account-form";
import { AuthCard } from "@/components/auth/auth-card";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

/** The first page a newcomer sees: create the administrator account (once; then it is sign-in). */
export default async function SetupPage() {
  const { firstRun } = getServices();
  if (!(await firstRun.needsSetup())) redirect("/sign-in");
  const t = await getTranslations("auth.setup");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <AccountForm mode={{ kind: "setup", tokenRequired: firstRun.setupToken !== null }} />
    </AuthCard>
  );
}
