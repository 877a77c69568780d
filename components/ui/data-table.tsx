import { cn } from "./cn";

/** A list as a table: a header row of column names ("" for an untitled one), the rows, and a line when there are none. */
export function DataTable({
  columns,
  count,
  emptyText,
  children,
  ...props
}: { columns: readonly string[]; count: number; emptyText?: string; children: React.ReactNode } & Pick<React.HTMLAttributes<HTMLTableElement>, "aria-label"> & { "data-testid"?: string }) {
  return (
    <>
      <table className="w-full text-sm" {...props}>
        <thead className="text-left text-zinc-400">
          <tr>
            {columns.map((column, i) => (
              <th key={`${i}-${column}`} className={i === 0 ? "py-2" : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {count === 0 && emptyText && <p className="text-sm text-zinc-500">{emptyText}</p>}
    </>
  );
}

/** One row of a DataTable, ruled off from the one above. */
export function DataRow({ className, ...props }: React.HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string }) {
  return <tr className={cn("border-t border-zinc-800", className)} {...props} />;
}
