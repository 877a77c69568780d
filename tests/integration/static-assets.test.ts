import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type RunningConsole } from "../support/console-process";

let consoleProcess: RunningConsole;

beforeAll(async () => {
  consoleProcess = await startConsole();
});

afterAll(async () => {
  await consoleProcess?.stop();
});

describe("static assets from public/", () => {
  it("answers /favicon.ico, which every page load asks for, and the SVG icon the pages link", async () => {
    const ico = await fetch(`${consoleProcess.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(Buffer.from(await ico.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const svg = await fetch(`${consoleProcess.url}/icon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const page = await (await fetch(`${consoleProcess.url}/`)).text();
    expect(page).toMatch(/<link rel="icon" href="\/icon\.svg" type="image\/svg\+xml"/);
    expect(page).toMatch(/<link rel="icon" href="\/favicon\.ico" sizes="32x32"/);
  });
});
