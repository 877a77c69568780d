import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account · SGLang Console" };

export default async function AccountPage() {
  const actor = await requirePageActor();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="text-sm text-zinc-400">
        Signed in as {actor.name}, {actor.role}.
      </p>
      <ChangePasswordForm />
    </div>
  );
}
