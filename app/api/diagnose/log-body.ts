import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import Busboy from "@fastify/busboy";
import { readableChunks } from "@/lib/diagnose";
import { AppError } from "@/lib/errors";

/** Room for multipart boundaries and part headers on top of the log's own size. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The log's bytes from a POST, as they arrive: the raw body (text/plain, application/octet-stream or
 * no type), or the part named `file` of a multipart/form-data upload. Nothing is buffered here.
 */
export function logBodyChunks(request: Request, maxBytes: number, limitText: string): AsyncIterable<Uint8Array> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  const raw = type === "" || type.startsWith("text/") || type.startsWith("application/octet-stream");
  if (!multipart && !raw) throw new AppError("unsupported_media_type", { detail: type.split(";")[0] });

  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) throw new AppError("payload_too_large", { limit: limitText });
  if (request.body === null) return (async function* () {})();
  return multipart ? multipartFile(request.body, request.headers.get("content-type") ?? "") : readableChunks(request.body);
}

async function* multipartFile(body: ReadableStream<Uint8Array>, contentType: string): AsyncGenerator<Uint8Array> {
  const input = Readable.fromWeb(body as NodeWebStream<Uint8Array>);
  const parser = Busboy({ headers: { "content-type": contentType }, isPartAFile: (field) => field === "file", limits: { files: 1, fields: 50 } });
  try {
    const file = await new Promise<Readable>((resolve, reject) => {
      parser.on("file", (field, stream) => (field === "file" ? resolve(stream) : stream.resume()));
      parser.on("error", () => reject(new AppError("bad_request", { detail: "the upload could not be read as multipart/form-data" })));
      parser.on("finish", () => reject(new AppError("bad_request", { detail: 'the upload has no part named "file"' })));
      input.on("error", () => reject(new AppError("bad_request", { detail: "the upload was interrupted" })));
      input.pipe(parser);
    });
    for await (const chunk of file) yield chunk as Uint8Array;
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
}
