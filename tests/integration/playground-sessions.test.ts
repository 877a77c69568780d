import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaygroundSessionView } from "../../lib/playground/session";
import { api } from "../support/api";
import { startConsole, type RunningConsole } from "../support/console-process";
import { authedFetch } from "../support/session";

let consoleProcess: RunningConsole;

beforeAll(async () => {
  consoleProcess = await startConsole();
});

afterAll(async () => {
  await consoleProcess?.stop();
});

type One = { session: PlaygroundSessionView };

describe("saved playground sessions", () => {
  it("saves, lists, reopens, renames, exports as JSON and Markdown, and deletes a session", async () => {
    const state = {
      params: { temperature: 0.2, chat_template_kwargs: { enable_thinking: false } },
      system: "Be brief.",
      messages: [
        { role: "user", content: "Hello" },
        { role: "assistant", content: "Hi! **How** can I help?" },
      ],
    };
    const created = await api<One>(consoleProcess.url, "POST", "/api/playground-sessions", { title: "Greeting", tab: "chat", instanceId: null, state });
    expect(created.status).toBe(201);
    const id = created.body.session.id;
    expect(created.body.session).toMatchObject({ title: "Greeting", tab: "chat", state });

    const list = await api<{ sessions: { id: string; title: string; state?: unknown }[] }>(consoleProcess.url, "GET", "/api/playground-sessions");
    expect(list.body.sessions.map((s) => s.title)).toContain("Greeting");
    expect(list.body.sessions.find((s) => s.id === id)!.state).toBeUndefined();

    const reopened = await api<One>(consoleProcess.url, "GET", `/api/playground-sessions/${id}`);
    expect(reopened.body.session.state).toEqual(state);

    const renamed = await api<One>(consoleProcess.url, "PATCH", `/api/playground-sessions/${id}`, { title: "Renamed greeting" });
    expect(renamed.body.session).toMatchObject({ title: "Renamed greeting", state });

    const json = await authedFetch(`${consoleProcess.url}/api/playground-sessions/${id}/export?format=json`);
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="Renamed-greeting.json"');
    expect(await json.json()).toMatchObject({ id, title: "Renamed greeting", state });
    const markdown = await (await authedFetch(`${consoleProcess.url}/api/playground-sessions/${id}/export?format=md`)).text();
    expect(markdown).toContain("# Renamed greeting");
    expect(markdown).toContain("## system\n\nBe brief.");
    expect(markdown).toContain("## assistant\n\nHi! **How** can I help?");

    expect((await api(consoleProcess.url, "DELETE", `/api/playground-sessions/${id}`)).status).toBe(200);
    const gone = await api<{ error: { code: string } }>(consoleProcess.url, "GET", `/api/playground-sessions/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("playground_session_not_found");
  });

  it("refuses a session without a title or with an unknown tab, naming the field", async () => {
    const bad = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", "/api/playground-sessions", {
      title: " ",
      tab: "painting",
      instanceId: null,
      state: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("title: give the session a title");
    expect(bad.body.error.message).toContain("tab:");
  });
});
