import { redirect } from "next/navigation";
import { AccountForm } from "@/components/auth/account-form";
import { AuthCard } from "@/components/auth/auth-card";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

/** The first page a newcomer sees: create the administrator account (once; then it is sign-in). */
export default async function SetupPage() {
  const { firstRun } = getServices();
  if (!(await firstRun.needsSetup())) redirect("/sign-in");
  return (
    <AuthCard title="Create the administrator account" intro="This console has no accounts yet. The first one administers it: it adds the others and gives them roles.">
      <AccountForm mode={{ kind: "setup", tokenRequired: firstRun.setupToken !== null }} />
    </AuthCard>
  );
}
