import type { IncomingMessage } from "node:http";
import { AppError } from "../../lib/errors";

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The request's body parsed as JSON. Read with plain events: an async iterator per request showed in bench:gateway's profile. */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      reject(new AppError("bad_request", { detail: `the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB` }));
      req.destroy();
    });
    req.once("end", () => {
      try {
        resolve(JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8")));
      } catch {
        reject(new AppError("bad_request", { detail: "the body must be JSON" }));
      }
    });
    req.once("error", reject);
  });
}
