import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const services = getServices();
  if (await services.firstRun.needsSetup()) redirect("/setup");
  const { next } = await searchParams;
  const signUp = (await services.settings.read()).signUpEnabled;
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("signIn.title")}>
      <SignInForm next={typeof next === "string" ? next : null} />
      {signUp && (
        <p className="text-sm text-zinc-400">
          {t("signUp.offer")}{" "}
          <Link href="/sign-up" className="text-sky-400 hover:underline">
            {t("signUp.offerLink")}
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
