// Tool definitions typed by the user as JSON, checked against the OpenAI function-tool shape
// with messages that say where the problem is (line and column for JSON, a path for the shape).
import { z } from "zod";

/** The shape problems we word ourselves, by key; the UI shows them in the reader's language (playground.tools.problems). */
const SHAPE_MESSAGES = {
  parametersObject: 'parameters.type must be "object"',
  typeFunction: 'type must be "function"',
  nameRequired: "function.name is required",
  nameFormat: "function.name may use letters, digits, _ and - (at most 64)",
  atLeastOne: "define at least one tool",
} as const;

const jsonSchemaObject = z
  .object({ type: z.literal("object", { message: SHAPE_MESSAGES.parametersObject }), properties: z.record(z.string(), z.unknown()).optional() })
  .loose();

export const functionToolSchema = z.object({
  type: z.literal("function", { message: SHAPE_MESSAGES.typeFunction }),
  function: z
    .object({
      name: z
        .string({ message: SHAPE_MESSAGES.nameRequired })
        .regex(/^[A-Za-z0-9_-]{1,64}$/, SHAPE_MESSAGES.nameFormat),
      description: z.string().optional(),
      parameters: jsonSchemaObject.optional(),
      strict: z.boolean().optional(),
    })
    .strict(),
});

export const toolsSchema = z.array(functionToolSchema).min(1, SHAPE_MESSAGES.atLeastOne).max(64);
export type FunctionTool = z.infer<typeof functionToolSchema>;

export const GET_WEATHER_TOOL: FunctionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a location",
    parameters: {
      type: "object",
      properties: {
        location: { type: "string", description: "The city name, e.g. San Francisco" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"], description: "The temperature unit" },
      },
      required: ["location"],
    },
  },
};

/** What went wrong, for a message in the reader's language; zod's own wording (an unknown key) has none. */
export type ToolProblemReason =
  | { key: "invalidJson"; detail: string }
  | { key: "definedTwice"; name: string }
  | { key: keyof typeof SHAPE_MESSAGES };

export interface ToolProblem {
  /** In English, as the logs and tests read it. */
  message: string;
  reason?: ToolProblemReason;
  /** 1-based, when the problem is in the JSON text itself. */
  line?: number;
  column?: number;
  /** Where in the structure, e.g. `[0].function.name`. */
  path?: string;
}

export type ToolParseResult = { ok: true; tools: FunctionTool[] } | { ok: false; problems: ToolProblem[] };

export function parseToolDefinitions(text: string): ToolParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonProblem(text, error instanceof Error ? error.message : String(error))] };
  }
  const value = Array.isArray(raw) ? raw : [raw];
  const parsed = toolsSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = formatPath(Array.isArray(raw) ? issue.path : issue.path.slice(1));
        const key = (Object.keys(SHAPE_MESSAGES) as (keyof typeof SHAPE_MESSAGES)[]).find((k) => SHAPE_MESSAGES[k] === issue.message);
        return { message: path ? `${path}: ${issue.message}` : issue.message, path, ...(key ? { reason: { key } } : {}) };
      }),
    };
  }
  const names = new Set<string>();
  for (const [index, tool] of parsed.data.entries()) {
    if (names.has(tool.function.name)) {
      const path = `[${index}].function.name`;
      return { ok: false, problems: [{ message: `${path}: "${tool.function.name}" is defined twice`, path, reason: { key: "definedTwice", name: tool.function.name } }] };
    }
    names.add(tool.function.name);
  }
  return { ok: true, tools: parsed.data };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("").replace(/^\./, "");
}

/** JSON.parse messages differ between engines; most carry a position, some a line and column. */
function jsonProblem(text: string, message: string): ToolProblem {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    return invalidJson(Number(lineColumn[1]), Number(lineColumn[2]), cleanJsonMessage(message));
  }
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return invalidJson(line, column, cleanJsonMessage(message));
}

function invalidJson(line: number, column: number, detail: string): ToolProblem {
  return { message: `Invalid JSON at line ${line}, column ${column}: ${detail}`, line, column, reason: { key: "invalidJson", detail } };
}

function cleanJsonMessage(message: string): string {
  return message.replace(/\s*in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)/, "");
}
