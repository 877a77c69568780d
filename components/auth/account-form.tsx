"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi, messageOf } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PASSWORD_LENGTH } from "@/lib/users";
import { Field, FormError } from "./auth-card";

type Mode = { kind: "setup"; tokenRequired: boolean } | { kind: "sign-up" };

/** Creates the first administrator (setup) or a pending account (sign-up), then goes on to sign-in. */
export function AccountForm({ mode }: { mode: Mode }) {
  const t = useTranslations("auth");
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

  if (done)
    return (
      <p role="status" className="text-sm text-emerald-300">
        {t("signUp.waiting")}
      </p>
    );
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3">
      <Field label={t("fields.name")}>
        <Input name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label={t("fields.email")}>
        <Input name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label={t("fields.newPassword", { min: PASSWORD_LENGTH.min })}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_LENGTH.min} />
      </Field>
      {mode.kind === "setup" && mode.tokenRequired && (
        <Field label={t("fields.setupToken")}>
          <Input name="token" required mono />
        </Field>
      )}
      <FormError message={error} />
      <Button type="submit" disabled={busy} className="w-full">
        {mode.kind === "setup" ? t("setup.submit") : t("signUp.submit")}
      </Button>
    </form>
  );
}
