"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, FormError } from "./auth-card";

/** Where to go after sign-in: a path on this console only (never another site). */
export const safeNext = (next: string | null | undefined) => (next && next.startsWith("/") && !next.startsWith("//") ? next : "/");

/**
 * Better Auth's refusals arrive already in the reader's language (server/auth/auth-messages.ts); the form keeps
 * its own wording for a wrong email or password, so an unknown email and a wrong password read the same.
 */
export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const common = useTranslations("common");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) return window.location.assign(safeNext(next));
    if (!response) return setError(common("failures.noAnswer"));
    const body = (await response.json().catch(() => null)) as { message?: string; code?: string } | null;
    if (response.status === 429) return setError(body?.message ?? t("signIn.tooManyAttempts"));
    setError(response.status === 403 && body?.message ? body.message : t("serverErrors.wrongCredentials"));
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3">
      <Field label={t("fields.email")}>
        <Input name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label={t("fields.password")}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormError message={error} />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
