import { redirect } from "next/navigation";
import { AccountForm } from "@/components/auth/account-form";
import { AuthCard } from "@/components/auth/auth-card";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (!(await getServices().settings.read()).signUpEnabled) redirect("/sign-in");
  return (
    <AuthCard title="Ask for an account" intro="An administrator approves new accounts before they can sign in.">
      <AccountForm mode={{ kind: "sign-up" }} />
    </AuthCard>
  );
}
