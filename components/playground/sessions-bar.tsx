"use client";

import { callApi } from "@/components/api-client";
import { useFormatter, useTranslations } from "next-intl";
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
  const t = useTranslations("playground");
  const tc = useTranslations("common.actions");
  const format = useFormatter();
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
    act(t("sessions.done.saved"), async () => {
      const input = { title: title.trim() || t("sessions.defaultTitle", { tab: t(`tabs.${tab}`), when: format.dateTime(new Date(), { dateStyle: "short", timeStyle: "short" }) }), tab, instanceId, state };
      const { session } = current
        ? await call<{ session: PlaygroundSessionView }>("PATCH", `/api/playground-sessions/${current}`, input)
        : await call<{ session: PlaygroundSessionView }>("POST", "/api/playground-sessions", input);
      setCurrent(session.id);
      setTitle(session.title);
    });

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-800 bg-zinc-900/50 px-3 py-2 text-sm" data-testid="sessions-bar">
      <select
        aria-label={t("sessions.saved")}
        className="rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1"
        value={current ?? ""}
        onChange={(e) => {
          const id = e.target.value;
          if (!id) {
            setCurrent(null);
            setTitle("");
            return;
          }
          void act(t("sessions.done.opened"), async () => {
            const { session } = await call<{ session: PlaygroundSessionView }>("GET", `/api/playground-sessions/${id}`);
            setCurrent(session.id);
            setTitle(session.title);
            onOpen(session);
          });
        }}
      >
        <option value="">{t("sessions.new")}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title} · {t(`tabs.${s.tab}`)}
          </option>
        ))}
      </select>
      <input aria-label={t("sessions.title")} className="w-56 rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1" placeholder={t("sessions.titlePlaceholder")} value={title} onChange={(e) => setTitle(e.target.value)} />
      <Button size="sm" onClick={() => void save()}>
        {current ? t("sessions.save") : t("sessions.saveNew")}
      </Button>
      {current && (
        <>
          <Button size="sm" variant="secondary" disabled={!title.trim()} onClick={() => void act(t("sessions.done.renamed"), async () => void (await call("PATCH", `/api/playground-sessions/${current}`, { title })))}>
            {t("sessions.rename")}
          </Button>
          <Button
            size="sm"
            variant="danger"
            onClick={() =>
              void act(t("sessions.done.deleted"), async () => {
                await call("DELETE", `/api/playground-sessions/${current}`);
                setCurrent(null);
                setTitle("");
              })
            }
          >
            {tc("delete")}
          </Button>
          <a className="text-xs text-sky-400 hover:underline" href={`/api/playground-sessions/${current}/export?format=json`}>
            {t("sessions.exportJson")}
          </a>
          <a className="text-xs text-sky-400 hover:underline" href={`/api/playground-sessions/${current}/export?format=md`}>
            {t("sessions.exportMarkdown")}
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
