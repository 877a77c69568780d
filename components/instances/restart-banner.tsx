"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { InstanceView } from "@/lib/instance-view";

/** What the restart policy is doing: a restart on its way, or a crash loop it gave up on. */
export function RestartBanner({ instance }: { instance: InstanceView }) {
  const t = useTranslations("phases.restart");
  const format = useFormatter();
  const { restart, supervision } = instance;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!restart.nextAt) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [restart.nextAt]);

  // `gaveUp` holds the policy's English reason (for the API and logs); the page says it from the numbers.
  if (restart.gaveUp) {
    return (
      <p role="alert" className="rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200" data-testid="crash-loop">
        {t("gaveUp", { count: restart.attempt, minUptimeS: format.number(supervision.minUptimeS) })}
      </p>
    );
  }
  if (restart.nextAt) {
    const seconds = Math.max(0, (new Date(restart.nextAt).getTime() - now) / 1000);
    return (
      <p className="rounded-md border border-amber-800 bg-amber-950/50 px-3 py-2 text-sm text-amber-200" data-testid="restart-pending">
        {t("pending", {
          seconds: format.number(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          attempt: restart.attempt,
          max: supervision.maxRestarts,
        })}
      </p>
    );
  }
  return null;
}
