// Finds model folders (a folder holding config.json) under the MODELS_DIR entries and reads their size and shape.
// Paths here come from MODELS_DIR at run time: turbopackIgnore keeps Next from tracing the whole project for them.
import fs from "node:fs/promises";
import path from "node:path";
import type { ModelInfo } from "../../lib/launch";
import { summarizeModelConfig } from "../../lib/models/model-config";
import type { ScannedModel } from "../../lib/models/scanned-model";

const WEIGHT_FILE = /\.(safetensors|bin|pt|pth|gguf)$/;
const INDEX_FILES = ["model.safetensors.index.json", "pytorch_model.bin.index.json"];
/** Folders looked at per root: the root itself, its children, and grandchildren (org/name layouts). */
const MAX_DEPTH = 2;
const MAX_MODELS = 500;
/** Chat templates are a few KB; a larger one is cut, its markers are near the start. */
const MAX_TEMPLATE_CHARS = 200_000;

export async function scanModels(roots: readonly string[]): Promise<ScannedModel[]> {
  const found: ScannedModel[] = [];
  for (const root of roots) {
    await visit(root, root, 0, found);
  }
  return (await withoutAliases(found)).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One entry per folder on disk. ModelScope's cache holds `GLM-4___7-Flash` and the symlink `GLM-4.7-Flash` to it;
 * the symlink's name is the one people pass as --model-path, so an alias reached through a symlink wins.
 */
async function withoutAliases(models: ScannedModel[]): Promise<ScannedModel[]> {
  const byTarget = new Map<string, ScannedModel>();
  for (const model of models) {
    const target = await fs.realpath(model.path).catch(() => model.path);
    const kept = byTarget.get(target);
    if (!kept || (kept.path === target && model.path !== target)) byTarget.set(target, model);
  }
  return [...byTarget.values()];
}

async function visit(root: string, folder: string, depth: number, found: ScannedModel[]): Promise<void> {
  if (found.length >= MAX_MODELS) return;
  if (await isFile(path.join(/*turbopackIgnore: true*/ folder, "config.json"))) {
    found.push(await readModelFolder(root, folder));
    return;
  }
  if (depth >= MAX_DEPTH) return;
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const child = path.join(/*turbopackIgnore: true*/ folder, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(child)))) await visit(root, child, depth + 1, found);
  }
}

async function readModelFolder(root: string, folder: string): Promise<ScannedModel> {
  let configError: string | null = null;
  let config: unknown = {};
  try {
    config = JSON.parse(await fs.readFile(path.join(/*turbopackIgnore: true*/ folder, "config.json"), "utf8"));
  } catch (error) {
    configError = `config.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const files = await listFiles(folder);
  const sizeBytes = files.reduce((sum, file) => sum + file.size, 0);
  const weightFiles = files.filter((file) => WEIGHT_FILE.test(file.name));
  const index = await readIndex(folder);
  const shards = index ? { listed: index.shards.length, present: index.shards.filter((s) => files.some((f) => f.name === s)).length } : null;
  const weightsFromFiles = weightFiles.reduce((sum, file) => sum + file.size, 0);
  return {
    path: folder,
    name: path.relative(root, folder) || path.basename(folder),
    root,
    summary: summarizeModelConfig(config),
    sizeBytes,
    weightsBytes: index?.totalSize ?? (weightFiles.length > 0 ? weightsFromFiles : null),
    shards,
    configError,
  };
}

/** What launch validation needs to know about a local model path. */
export async function inspectModelPath(modelPath: string): Promise<ModelInfo> {
  if (!path.isAbsolute(modelPath)) return { exists: false, hasConfig: false };
  if (!(await isDirectory(modelPath))) return { exists: await exists(modelPath), hasConfig: false };
  if (!(await isFile(path.join(/*turbopackIgnore: true*/ modelPath, "config.json")))) return { exists: true, hasConfig: false };
  const model = await readModelFolder(path.dirname(modelPath), modelPath);
  const chatTemplate = await readChatTemplate(modelPath);
  return {
    exists: true,
    hasConfig: true,
    ...(model.summary.architecture ? { architecture: model.summary.architecture } : {}),
    ...(model.summary.modelType ? { modelType: model.summary.modelType } : {}),
    ...(chatTemplate ? { chatTemplate } : {}),
    ...(model.weightsBytes ? { weightsBytes: model.weightsBytes } : {}),
  };
}

/** tokenizer_config.json's chat_template (a string, or named templates: "default" or the first), else chat_template.jinja. */
async function readChatTemplate(folder: string): Promise<string | null> {
  try {
    const config = JSON.parse(await fs.readFile(path.join(/*turbopackIgnore: true*/ folder, "tokenizer_config.json"), "utf8")) as { chat_template?: unknown };
    const template = config.chat_template;
    if (typeof template === "string") return template.slice(0, MAX_TEMPLATE_CHARS);
    if (Array.isArray(template)) {
      const named = template as { name?: unknown; template?: unknown }[];
      const chosen = named.find((entry) => entry.name === "default") ?? named[0];
      if (typeof chosen?.template === "string") return chosen.template.slice(0, MAX_TEMPLATE_CHARS);
    }
  } catch {
    // No tokenizer_config.json, or not JSON: try the separate template file.
  }
  try {
    return (await fs.readFile(path.join(/*turbopackIgnore: true*/ folder, "chat_template.jinja"), "utf8")).slice(0, MAX_TEMPLATE_CHARS);
  } catch {
    return null;
  }
}

async function readIndex(folder: string): Promise<{ shards: string[]; totalSize: number | null } | null> {
  for (const name of INDEX_FILES) {
    try {
      const index = JSON.parse(await fs.readFile(path.join(/*turbopackIgnore: true*/ folder, name), "utf8")) as { metadata?: { total_size?: unknown }; weight_map?: Record<string, unknown> };
      const shards = [...new Set(Object.values(index.weight_map ?? {}).filter((v): v is string => typeof v === "string"))];
      const total = index.metadata?.total_size;
      return { shards, totalSize: typeof total === "number" && total > 0 ? total : null };
    } catch {
      continue;
    }
  }
  return null;
}

/** Files directly in the folder and one level down (some repos keep weights in a subfolder), symlinks followed. */
async function listFiles(folder: string, depth = 0): Promise<{ name: string; size: number }[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: { name: string; size: number }[] = [];
  for (const entry of entries) {
    const full = path.join(/*turbopackIgnore: true*/ folder, entry.name);
    try {
      const stat = await fs.stat(full);
      if (stat.isFile()) files.push({ name: entry.name, size: stat.size });
      else if (stat.isDirectory() && depth < 1 && !entry.name.startsWith(".")) {
        for (const file of await listFiles(full, depth + 1)) files.push({ name: `${entry.name}/${file.name}`, size: file.size });
      }
    } catch {
      continue; // a dangling link (an interrupted download) counts for nothing
    }
  }
  return files;
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

async function isDirectory(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isDirectory(), () => false);
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(() => true, () => false);
}
