// A stand-in result for a tool call, so a round trip can finish without a real tool.

export function mockToolResult(name: string, argumentsText: string): string {
  let args: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(argumentsText || "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) args = parsed as Record<string, unknown>;
  } catch {
    // arguments that are not JSON still get an answer
  }
  if (name === "get_weather") {
    return JSON.stringify({ location: args.location ?? "unknown", temperature: 22, unit: args.unit ?? "celsius", conditions: "sunny" });
  }
  return JSON.stringify({ ok: true, tool: name, arguments: args });
}
