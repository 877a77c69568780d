"""Tool calls: which tool the simulated model calls and with which arguments.

Deterministic: the tool is the one whose name and description best match the last
user message (or the one tool_choice names); each argument comes from the JSON
schema (enum -> first value, default -> default) and the message (a place after
"in"/"for"/"at", the first number, the message itself for query-like strings).
"""

import json
import re

PLACE_RE = re.compile(r"\b(?:in|for|at|near|of|to|from)\s+((?:[A-Z][\w'.-]*)(?:\s+[A-Z][\w'.-]*)*)")
NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")
PLACE_KEYS = re.compile(r"location|city|place|address|country|region|destination|town", re.I)
TEXT_KEYS = re.compile(r"query|search|question|text|prompt|input|message|content|keyword|topic|q$", re.I)


def find_place(message):
    match = PLACE_RE.search(message or "")
    if match:
        return match.group(1).rstrip(".")
    caps = re.findall(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)", message or "")
    return caps[0] if caps else None


def value_for(name, schema, message):
    schema = schema or {}
    if schema.get("enum"):
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind == "string":
        if PLACE_KEYS.search(name):
            return find_place(message) or "San Francisco"
        if re.search(r"unit", name, re.I):
            return "celsius"
        if re.search(r"date", name, re.I):
            return "2026-01-01"
        if re.search(r"email", name, re.I):
            return "user@example.com"
        if TEXT_KEYS.search(name):
            return (message or "").strip()[:200]
        return find_place(message) or (message or "").strip()[:80]
    if kind in ("integer", "number"):
        numbers = NUMBER_RE.findall(message or "")
        if numbers:
            return int(float(numbers[0])) if kind == "integer" else float(numbers[0])
        return 1
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return arguments_for(schema, message)
    return None


def arguments_for(parameters, message):
    parameters = parameters or {}
    props = parameters.get("properties") or {}
    names = parameters.get("required") or list(props)
    return {n: value_for(n, props.get(n, {}), message) for n in names}


def _words(text):
    return set(w.lower() for w in re.findall(r"[A-Za-z]+", text or "") if len(w) > 2)


def choose_tool(tools, tool_choice, message):
    functions = [t.get("function", t) for t in tools if isinstance(t, dict)]
    if isinstance(tool_choice, dict):
        wanted = (tool_choice.get("function") or {}).get("name")
        for f in functions:
            if f.get("name") == wanted:
                return f
    said = _words(message)
    best, best_score = functions[0], -1
    for f in functions:
        score = len(said & (_words(f.get("name", "").replace("_", " ")) | _words(f.get("description"))))
        if score > best_score:
            best, best_score = f, score
    return best


def plan_call(tools, tool_choice, message):
    function = choose_tool(tools, tool_choice, message)
    args = arguments_for(function.get("parameters"), message)
    return function.get("name", "tool"), args


def raw_text(parser, name, args):
    """The text the model writes for a call, in its family's format (GLM-4.7 for glm*)."""
    if parser and parser.startswith("glm") or not parser:
        parts = [f"<tool_call>{name}"]
        if parser == "glm45" or parser == "glm":
            parts = [f"<tool_call>{name}\n"]
        for key, value in args.items():
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            parts.append(f"<arg_key>{key}</arg_key><arg_value>{shown}</arg_value>")
        return "".join(parts) + "</tool_call>"
    body = json.dumps({"name": name, "arguments": args}, ensure_ascii=False)
    return f"<tool_call>\n{body}\n</tool_call>"


def fragments(arguments_json, pieces):
    """Split the arguments string into `pieces` fragments (streamed one after another)."""
    pieces = max(1, min(pieces, len(arguments_json)))
    size = -(-len(arguments_json) // pieces)
    return [arguments_json[i: i + size] for i in range(0, len(arguments_json), size)]
