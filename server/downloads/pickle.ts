// Python pickles of strings, string-keyed dicts and lists (protocol 2), for the metadata files modelscope's cache
// reads with `pickle.load` (.mdl, .msc). Only what those files hold; anything else is a programming error.
export type Picklable = string | Picklable[] | { [key: string]: Picklable };

const PROTO = 0x80, STOP = 0x2e, MARK = 0x28, EMPTY_DICT = 0x7d, EMPTY_LIST = 0x5d, SETITEMS = 0x75, APPENDS = 0x65, BINUNICODE = 0x58;

export function pickle(value: Picklable): Buffer {
  const parts: Buffer[] = [Buffer.from([PROTO, 2])];
  write(value, parts);
  parts.push(Buffer.from([STOP]));
  return Buffer.concat(parts);
}

function write(value: Picklable, parts: Buffer[]): void {
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    parts.push(Buffer.from([BINUNICODE]), length, bytes);
  } else if (Array.isArray(value)) {
    parts.push(Buffer.from([EMPTY_LIST, MARK]));
    for (const item of value) write(item, parts);
    parts.push(Buffer.from([APPENDS]));
  } else {
    parts.push(Buffer.from([EMPTY_DICT, MARK]));
    for (const [key, item] of Object.entries(value)) {
      write(key, parts);
      write(item, parts);
    }
    parts.push(Buffer.from([SETITEMS]));
  }
}
