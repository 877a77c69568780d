import type { InstanceView } from "../lib/instance-view";
import { api, glmProfile } from "../tests/support/api";
import { freePort, startConsole } from "../tests/support/console-process";
import { launchBrowser } from "../tests/e2e/browser";
(async () => {
  const c = await startConsole({ env: { SGLANG_SIM_SPEED: "60" } });
  const browser = await launchBrowser();
  try {
    const port = await freePort();
    const { body } = await api<{ instance: InstanceView }>(c.url, "POST", "/api/instances", { profile: glmProfile(port, { env: { SGLANG_SIM_FLOOD: "25000" } }) });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    page.on("console", (m) => console.log("console:", m.type(), m.text()));
    page.on("pageerror", (e) => console.log("pageerror:", e.message));
    await page.goto(`${c.url}/instances/${body.instance.id}`);
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 2000));
      const rows = await page.locator(".xterm-rows > div").allInnerTexts();
      console.log(i, await page.getByTestId("follow-state").innerText(), await page.getByTestId("gap-marker").count(), rows.filter(Boolean).slice(-2).join(" | ").slice(0, 200));
    }
    await page.screenshot({ path: "test-results/probe.png" });
    console.log((await page.locator('[data-testid="terminal"]').textContent())?.slice(0, 500));
  } finally {
    await browser.close();
    await c.stop();
  }
  process.exit(0);
})();
