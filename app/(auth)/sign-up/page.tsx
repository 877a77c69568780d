import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/auth/account-form";
import { AuthCard } from "@/components/auth/auth-card";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (!(await getServices().settings.read()).signUpEnabled) redirect("/sign-in");
  const t = await getTranslations("auth.signUp");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <AccountForm mode={{ kind: "sign-up" }} />
    </AuthCard>
  );
}
