import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const services = getServices();
  if (await services.firstRun.needsSetup()) redirect("/setup");
  const { next } = await searchParams;
  const signUp = (await services.settings.read()).signUpEnabled;
  return (
    <AuthCard title="Sign in">
      <SignInForm next={typeof next === "string" ? next : null} />
      {signUp && (
        <p className="text-sm text-zinc-400">
          No account?{" "}
          <Link href="/sign-up" className="text-sky-400 hover:underline">
            Ask for one
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
