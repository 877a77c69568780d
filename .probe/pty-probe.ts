import * as pty from "node-pty";
import path from "node:path";
import { buildLaunchArgv, buildLaunchEnv } from "/work/wt-logs/lib/launch";
import { glmProfile } from "/work/wt-logs/tests/support/api";
const profile = glmProfile(30123);
const term = pty.spawn("python3", buildLaunchArgv(profile), { name: "xterm-256color", cols: 160, rows: 40, cwd: "/work/wt-logs",
  env: { ...process.env, ...buildLaunchEnv(profile), PYTHONPATH: "/work/wt-logs/simulator", SGLANG_SIM_SPEED: "1000", SGLANG_SIM_FLOOD: "100000", PYTHONUNBUFFERED: "1" } as Record<string,string> });
let start = 0, lines = 0, reads = 0, bytes = 0;
term.onData((d) => {
  reads++; bytes += d.length;
  if (!start && d.includes("fired up")) start = performance.now();
  if (start) for (let i = d.indexOf("\n"); i >= 0; i = d.indexOf("\n", i + 1)) lines++;
  if (start && d.includes("flood complete")) { const s = (performance.now() - start) / 1000; console.log(lines, s, Math.round(lines / s), "reads", reads, "avg", Math.round(bytes / reads)); process.kill(-term.pid, "SIGKILL"); process.exit(0); }
});
