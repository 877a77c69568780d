import fs from "node:fs";
import path from "node:path";

/** The folder holding next.config.js, whether this file runs from server/ (tsx) or dist/server/server/ (compiled). */
export function findProjectRoot(start: string = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, "next.config.js"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No next.config.js above ${start}: run the console from its project folder.`);
    dir = parent;
  }
  return dir;
}
