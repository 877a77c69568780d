"use client";

import { callApi } from "@/components/api-client";
import { useCallback, useEffect, useState } from "react";
import type { PlaygroundSessionView, PlaygroundTab, TabState } from "@/lib/playground/session";
import { Button } from "../ui/button";

type Listed = Omit<PlaygroundSessionView, "state">;

const call = callApi;

/** Save the current tab as a session, reopen, rename, delete and export saved ones. */
export function SessionsBar({
  instanceId,
  tab,
  state,
  onOpen,
}: {
  instanceId: string;
  tab: PlaygroundTab;
  state: TabState;
  onOpen: (session: PlaygroundSessionView) => void;
}) {
  const [sessions, setSessions] = useState<Listed[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setSessions((await call<{ sessions: Listed[] }>("GET", "/api/playground-sessions")).sessions);
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function act(what: string, work: () => Promise<void>) {
    try {
      await work();
      await refresh();
      setMessage({ text: what, error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
  }

  const save = () =>
    act("Saved.", async () => {
      const input = { title: title.trim() || `${tab} ${new Date().toLocaleString()}`, tab, instanceId, state };
      const { session } = current
        ? await call<{ session: PlaygroundSessionView }>("PATCH", `/api/playground-sessions/${current}`, input)
        : await call<{ session: PlaygroundSessionView }>("POST", "/api/playground-sessions", input);
      setCurrent(session.id);
      setTitle(session.title);
    });

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-800 bg-zinc-900/50 px-3 py-2 text-sm" data-testid="sessions-bar">
      <select
        aria-label="Saved sessions"
        className="rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1"
        value={current ?? ""}
        onChange={(e) => {
          const id = e.target.value;
          if (!id) {
            setCurrent(null);
            setTitle("");
            return;
          }
          void act("Opened.", async () => {
            const { session } = await call<{ session: PlaygroundSessionView }>("GET", `/api/playground-sessions/${id}`);
            setCurrent(session.id);
            setTitle(session.title);
            onOpen(session);
          });
        }}
      >
        <option value="">New session</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title} · {s.tab}
          </option>
        ))}
      </select>
      <input aria-label="Session title" className="w-56 rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1" placeholder="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <Button size="sm" onClick={() => void save()}>
        {current ? "Save" : "Save session"}
      </Button>
      {current && (
        <>
          <Button size="sm" variant="secondary" disabled={!title.trim()} onClick={() => void act("Renamed.", async () => void (await call("PATCH", `/api/playground-sessions/${current}`, { title })))}>
            Rename
          </Button>
          <Button
            size="sm"
            variant="danger"
            onClick={() =>
              void act("Deleted.", async () => {
                await call("DELETE", `/api/playground-sessions/${current}`);
                setCurrent(null);
                setTitle("");
              })
            }
          >
            Delete
          </Button>
          <a className="text-xs text-sky-400 hover:underline" href={`/api/playground-sessions/${current}/export?format=json`}>
            Export JSON
          </a>
          <a className="text-xs text-sky-400 hover:underline" href={`/api/playground-sessions/${current}/export?format=md`}>
            Export Markdown
          </a>
        </>
      )}
      {message && (
        <span role="status" className={message.error ? "text-xs text-red-300" : "text-xs text-zinc-500"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
