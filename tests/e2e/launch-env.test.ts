import { describe, expect, it } from "vitest";
import { useConsoleInBrowser } from "./browser";
import { LaunchPage } from "./pages/launch-page";
import { MASK } from "../../lib/secrets";

const e2e = useConsoleInBrowser({
  env: { LD_LIBRARY_PATH: "/opt/cuda/lib64", HF_TOKEN: "hf_never_shown", http_proxy: "http://alice:pw@proxy.example:3128", BETTER_AUTH_SECRET: "never-shown-either-a-secret-of-32-characters" },
});

describe("the launch page's environment panel", () => {
  it("shows the variables the server will get and where each came from, with secrets masked and the console's own left out", async () => {
    const page = await e2e.signedInPage({ width: 1400, height: 1100 });
    const launchPage = new LaunchPage(page, e2e.url);
    await launchPage.open();
    const env = await launchPage.serverEnv();
    expect(env.get("LD_LIBRARY_PATH")).toEqual({ value: "/opt/cuda/lib64", source: "console" });
    expect(env.get("HF_TOKEN")).toEqual({ value: MASK, source: "console" });
    expect(env.get("http_proxy")!.value).toBe(`http://alice:${MASK}@proxy.example:3128`);
    expect(env.get("NO_PROXY")).toEqual({ value: "127.0.0.1,localhost", source: "added" });
    expect(env.get("PYTHONUNBUFFERED")!.source).toBe("added");
    expect(env.has("BETTER_AUTH_SECRET")).toBe(false);
    expect(env.has("DATA_DIR")).toBe(false);
    const html = await page.content();
    expect(html).not.toContain("hf_never_shown");
    expect(html).not.toContain("never-shown-either");
  });
});
