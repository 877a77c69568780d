/** What a page shows a person whose role does not allow it (the routes refuse the same with 403). */
export function NotAllowed({ what }: { what: string }) {
  return (
    <div role="alert" className="rounded-md border border-amber-800 bg-amber-950/40 px-4 py-3 text-sm text-amber-100">
      Your role does not allow {what}. Ask an administrator of this console if you need it.
    </div>
  );
}
