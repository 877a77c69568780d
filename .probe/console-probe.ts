import fs from "node:fs";
import type { InstanceView } from "../lib/instance-view";
import { api, glmProfile } from "../tests/support/api";
import { freePort, startConsole } from "../tests/support/console-process";
import { connectLogClient } from "../tests/support/log-client";
(async () => {
  const c = await startConsole({ env: { NODE_OPTIONS: "--require /work/wt-logs/.probe/prof.cjs", PROF_MS: "7000" } });
  const port = await freePort();
  const { body } = await api<{ instance: InstanceView }>(c.url, "POST", "/api/instances", { profile: glmProfile(port, { env: { SGLANG_SIM_FLOOD: "100000" } }) });
  const logPath = `${c.dataDir}/runs/${body.instance.run!.id}/output.log`;
  let t0 = 0, tFile = 0, tClient = 0, lastLag = 0;
  const client = await connectLogClient(c.url, body.instance.id, { keepText: false, onWrite: (ch) => {
    if (!t0 && ch.data.includes("fired up")) t0 = performance.now();
    lastLag = Date.now() - ch.at;
    if (ch.data.includes("flood complete")) tClient = performance.now();
  } });
  const iv = setInterval(() => {}, 1000);
  while (!tClient) await new Promise((r) => setTimeout(r, 50));
  clearInterval(iv);
  console.log({ file: (tFile - t0) / 1000, client: (tClient - t0) / 1000, maxLag: client.maxLagMs(), lastLag });
  await new Promise((r) => setTimeout(r, 5000));
  await c.stop();
  process.exit(0);
})();
