// Deletes a model folder found under MODELS_DIR, refused while an instance that is not stopped uses it. A ModelScope
// download is two names for one folder (the `___`-masked folder and the plain-name symlink): both go.
import fs from "node:fs/promises";
import { isActivePhase } from "../../lib/instance-phase";
import type { InstanceView } from "../../lib/instance-view";
import { AppError } from "../../lib/errors";
import type { ScannedModel } from "../../lib/models/scanned-model";

const realOrSelf = (target: string) => fs.realpath(target).catch(() => target);

/** Active instances whose --model-path is this folder (through any symlink). */
export async function instancesUsing(modelPath: string, instances: InstanceView[]): Promise<InstanceView[]> {
  const target = await realOrSelf(modelPath);
  const using: InstanceView[] = [];
  for (const instance of instances) {
    if (isActivePhase(instance.phase) && (await realOrSelf(instance.modelPath)) === target) using.push(instance);
  }
  return using;
}

export async function deleteModel({ modelPath, models, instances }: { modelPath: string; models: ScannedModel[]; instances: InstanceView[] }): Promise<ScannedModel> {
  const model = models.find((candidate) => candidate.path === modelPath);
  if (!model) throw new AppError("model_not_found", { path: modelPath });
  const using = await instancesUsing(model.path, instances);
  if (using.length > 0) throw new AppError("model_in_use", { path: model.path, instances: using.map((instance) => instance.name).join(", ") });
  const target = await realOrSelf(model.path);
  await fs.rm(target, { recursive: true, force: true });
  if (target !== model.path) await fs.rm(model.path, { force: true });
  return model;
}
