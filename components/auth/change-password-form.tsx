"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, FormError } from "./auth-card";

/** Better Auth's own change-password endpoint; other sessions of the person end. */
export function ChangePasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setDone(false);
    if (form.get("newPassword") !== form.get("repeat")) return setError("The two new passwords differ.");
    const response = await fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword"), revokeOtherSessions: true }),
    }).catch(() => null);
    if (response?.ok) {
      formElement.reset();
      return setDone(true);
    }
    const body = (await response?.json().catch(() => null)) as { message?: string } | null;
    setError(response?.status === 429 ? "Too many attempts: wait a few seconds." : (body?.message ?? "The password could not be changed."));
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="max-w-sm space-y-3" aria-label="change password">
      <Field label="Current password">
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password (at least 8 characters)">
        <Input name="newPassword" type="password" autoComplete="new-password" minLength={8} required />
      </Field>
      <Field label="New password again">
        <Input name="repeat" type="password" autoComplete="new-password" minLength={8} required />
      </Field>
      <FormError message={error} />
      {done && (
        <p role="status" className="text-sm text-emerald-300">
          Password changed; your other sessions were signed out.
        </p>
      )}
      <Button type="submit">Change password</Button>
    </form>
  );
}
