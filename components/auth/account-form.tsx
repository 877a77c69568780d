"use client";

import { useState } from "react";
import { callApi, messageOf } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, FormError } from "./auth-card";

type Mode = { kind: "setup"; tokenRequired: boolean } | { kind: "sign-up" };

/** Creates the first administrator (setup) or a pending account (sign-up), then goes on to sign-in. */
export function AccountForm({ mode }: { mode: Mode }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: form.get("name"), email: form.get("email"), password: form.get("password"), ...(form.get("token") ? { token: form.get("token") } : {}) };
    setBusy(true);
    setError(null);
    try {
      await callApi("POST", mode.kind === "setup" ? "/api/setup" : "/api/sign-up", body);
      if (mode.kind === "setup") {
        await fetch("/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: body.email, password: body.password }) });
        window.location.assign("/");
      } else setDone(true);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  if (done) return <p role="status" className="text-sm text-emerald-300">Your account waits for an administrator&apos;s approval. You can sign in once it is approved.</p>;
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3">
      <Field label="Name">
        <Input name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label="Email">
        <Input name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password (at least 8 characters)">
        <Input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </Field>
      {mode.kind === "setup" && mode.tokenRequired && (
        <Field label="Setup token (printed in the console's output)">
          <Input name="token" required mono />
        </Field>
      )}
      <FormError message={error} />
      <Button type="submit" disabled={busy} className="w-full">
        {mode.kind === "setup" ? "Create the administrator account" : "Ask for an account"}
      </Button>
    </form>
  );
}
