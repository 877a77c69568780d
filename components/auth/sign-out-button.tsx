"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("common");
  const signOut = async () => {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => undefined);
    window.location.assign("/sign-in");
  };
  return (
    <Button variant="ghost" size="sm" onClick={() => void signOut()}>
      {t("signOut")}
    </Button>
  );
}
