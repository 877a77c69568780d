"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The last cell of a revocable row: a Revoke button while `revocable`, asking `confirm` first when given. */
export function RevokeCell({ revocable, confirm, onRevoke }: { revocable: boolean; confirm?: string; onRevoke: () => void }) {
  const t = useTranslations("common.admin");
  return (
    <td className="text-right">
      {revocable && (
        <Button size="sm" variant="danger" onClick={() => (confirm === undefined || window.confirm(confirm)) && onRevoke()}>
          {t("revoke")}
        </Button>
      )}
    </td>
  );
}
