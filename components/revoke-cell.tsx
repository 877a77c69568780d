"use client";

import { Button } from "@/components/ui/button";

/** The last cell of a revocable row: a Revoke button while `revocable`, asking `confirm` first when given. */
export function RevokeCell({ revocable, confirm, onRevoke }: { revocable: boolean; confirm?: string; onRevoke: () => void }) {
  return (
    <td className="text-right">
      {revocable && (
        <Button size="sm" variant="danger" onClick={() => (confirm === undefined || window.confirm(confirm)) && onRevoke()}>
          Revoke
        </Button>
      )}
    </td>
  );
}
