import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, getInstance, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { useSession } from "../support/session";
import { launchBrowser } from "./browser";
import { SetupPage, SignInPage, UsersPage } from "./pages/auth-pages";
import { GpusPage } from "./pages/gpus-page";
import { HomePage } from "./pages/home-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
const ADMIN = { name: "Ada", email: "ada@console.test", password: "ada-password-1" };
const OPERATOR = { name: "Otto", email: "otto@console.test", password: "otto-password-1", role: "operator" as const };

let consoleProcess: RunningConsole;
let browser: Browser;
let evilServer: http.Server;
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-models-"));
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-accounts-gpus-"));

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.mkdirSync(path.join(modelsDir, "GLM-4.7-Flash"));
  fs.copyFileSync(path.resolve(PROJECT_ROOT, "../shared/fixtures/models/GLM-4.7-Flash/config.json"), path.join(modelsDir, "GLM-4.7-Flash/config.json"));
  [consoleProcess, browser] = await Promise.all([
    startConsole({
      signedIn: false,
      env: { PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`, SGLANG_SIM_STATE_DIR: stateDir, SGLANG_SIM_GPU_COUNT: "8", SGLANG_SIM_SPEED: "100", MODELS_DIR: modelsDir },
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  evilServer?.close();
  await consoleProcess?.stop();
});

describe("accounts in the browser", () => {
  let adminInstance: InstanceView;

  it("creates the administrator on first run and signs them in", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(consoleProcess.url);
    await page.waitForURL(`${consoleProcess.url}/setup`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "accounts-setup.png") });
    await new SetupPage(page).createAdministrator(ADMIN);
    await page.waitForURL(`${consoleProcess.url}/`);
    expect(await page.getByTestId("signed-in-as").innerText()).toContain("Ada (admin)");
    // The administrator's browser session drives the API helpers from here on.
    const cookies = await context.cookies(consoleProcess.url);
    useSession(consoleProcess.url, cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "));
    adminInstance = (await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort(), { name: "ada-on-gpu-5", gpuIds: [5] }) })).body.instance;

    const users = new UsersPage(page, consoleProcess.url);
    await users.open();
    await users.createUser(OPERATOR);
    expect(await users.rowText(OPERATOR.email)).toContain("active");
    await page.screenshot({ path: path.join(SCREENSHOTS, "accounts-users.png"), fullPage: true });
    await context.close();
  });

  it("lets the operator launch, not stop the administrator's instance, and see owners on the GPUs page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
    const page = await context.newPage();
    const signIn = new SignInPage(page, consoleProcess.url);
    await signIn.signIn(OPERATOR.email, "wrong-password");
    expect(await signIn.error()).toContain("The email or the password is wrong.");
    await signIn.signIn(OPERATOR.email, OPERATOR.password);
    await page.waitForURL(`${consoleProcess.url}/`);
    expect(await page.getByTestId("signed-in-as").innerText()).toContain("Otto (operator)");
    expect(await page.getByRole("link", { name: "Users" }).count()).toBe(0);

    const home = new HomePage(page, consoleProcess.url);
    await page.locator('input[name="modelPath"]').fill(path.join(modelsDir, "GLM-4.7-Flash"));
    await home.setPort(await freePort());
    const ownId = await home.launch();
    expect(await page.getByTestId("instance-owner").innerText()).toContain("Otto");

    await page.goto(`${consoleProcess.url}/instances/${adminInstance.id}`);
    expect(await page.getByTestId("instance-owner").innerText()).toContain("Ada");
    expect(await page.getByRole("button", { name: "Stop" }).isDisabled()).toBe(true);
    const refused = await page.evaluate(async (id) => (await fetch(`/api/instances/${id}/stop`, { method: "POST" })).status, adminInstance.id);
    expect(refused).toBe(403);
    expect(["starting", "loading", "ready"]).toContain((await getInstance(consoleProcess.url, adminInstance.id)).phase);

    const gpus = new GpusPage(page, consoleProcess.url);
    await gpus.open();
    await gpus.waitForCards(8);
    await page.getByText("by Ada").first().waitFor({ timeout: 20_000 });
    await page.getByText("by Otto").first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "accounts-gpus-owners.png"), fullPage: true });
    await api(consoleProcess.url, "POST", `/api/instances/${ownId}/stop`);
    await context.close();
  });

  it("refuses a page on a second local port that launches or stops through fetch and a form post", async () => {
    const evilPort = await freePort();
    const target = consoleProcess.url;
    const stopUrl = `${target}/api/instances/${adminInstance.id}/stop`;
    evilServer = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><body>
<form id="f" method="POST" action="${stopUrl}" target="sink"><input name="x" value="1"></form><iframe name="sink"></iframe>
<script>
window.attack = async () => {
  const results = [];
  for (const init of [
    { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: JSON.stringify({ profile: { name: "evil", modelPath: "zai-org/GLM-4.7-Flash", flags: { "--trust-remote-code": true }, extraArgs: [], gpuIds: [7], env: {} } }) },
  ]) { try { await fetch("${target}/api/instances", init); results.push("sent"); } catch (e) { results.push(String(e)); } }
  try { await fetch("${stopUrl}", { method: "POST", mode: "no-cors", credentials: "include" }); results.push("sent"); } catch (e) { results.push(String(e)); }
  document.getElementById("f").submit();
  return results;
};
</script></body>`);
    });
    await new Promise<void>((resolve) => evilServer.listen(evilPort, "127.0.0.1", resolve));

    const context = await browser.newContext();
    const page = await context.newPage();
    await new SignInPage(page, consoleProcess.url).signIn(ADMIN.email, ADMIN.password);
    await page.waitForURL(`${consoleProcess.url}/`);
    const before = (await api<{ instances: InstanceView[] }>(consoleProcess.url, "GET", "/api/instances")).body.instances.length;
    const refusals: number[] = [];
    page.on("response", (response) => {
      if (response.url().startsWith(target) && response.request().method() === "POST") refusals.push(response.status());
    });
    await page.goto(`http://127.0.0.1:${evilPort}/`);
    await page.evaluate(() => (window as unknown as { attack: () => Promise<string[]> }).attack());
    await page.waitForResponse((response) => response.url() === stopUrl && response.request().method() === "POST" && response.request().resourceType() === "document");
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    expect(refusals.every((status) => status === 403), JSON.stringify(refusals)).toBe(true);
    expect((await api<{ instances: InstanceView[] }>(consoleProcess.url, "GET", "/api/instances")).body.instances.length).toBe(before);
    expect(["starting", "loading", "ready"]).toContain((await getInstance(consoleProcess.url, adminInstance.id)).phase);
    await context.close();
  });
});
