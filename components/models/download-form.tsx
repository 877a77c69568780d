"use client";
import { useState } from "react";
import { callApi, messageOf } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { defaultRevision, type DownloadPreview, type DownloadSource } from "@/lib/downloads";
import { formatBytes } from "@/lib/models/model-config";

/** Source, repository, revision, target folder and an optional file filter; the server checks them again. */
export function DownloadForm({ modelsDirs, onStarted }: { modelsDirs: string[]; onStarted: () => void }) {
  const [source, setSource] = useState<DownloadSource>("modelscope");
  const [repo, setRepo] = useState("ZhipuAI/GLM-4.7-Flash");
  const [revision, setRevision] = useState("");
  const [targetDir, setTargetDir] = useState(modelsDirs[0] ?? "");
  const [include, setInclude] = useState("");
  const [hubCache, setHubCache] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<DownloadPreview | null>(null);

  const request = () => {
    const patterns = include.split(",").map((p) => p.trim()).filter(Boolean);
    return { source, repo: repo.trim(), revision: revision.trim() || undefined, targetDir: targetDir.trim() || undefined, include: patterns.length ? patterns : undefined, hubCache: source === "huggingface" && hubCache ? true : undefined };
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const check = () => run(async () => setPreview((await callApi<{ preview: DownloadPreview }>("POST", "/api/downloads/preview", request())).preview));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await callApi("POST", "/api/downloads", request());
      setPreview(null);
      onStarted();
    });
  };

  return (
    <Card>
      <CardTitle>Download a model</CardTitle>
      <form onSubmit={submit} className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-2" aria-label="Download a model">
        <label className="text-sm text-zinc-300">
          Source
          <Select value={source} onChange={(e) => setSource(e.target.value as DownloadSource)} aria-label="Source">
            <option value="modelscope">ModelScope</option>
            <option value="huggingface">Hugging Face</option>
          </Select>
        </label>
        <label className="text-sm text-zinc-300">
          Repository
          <Input mono value={repo} onChange={(e) => setRepo(e.target.value)} aria-label="Repository" placeholder="owner/name" required />
        </label>
        <label className="text-sm text-zinc-300">
          Revision
          <Input mono value={revision} onChange={(e) => setRevision(e.target.value)} aria-label="Revision" placeholder={defaultRevision(source)} />
        </label>
        <label className="text-sm text-zinc-300">
          Target folder
          <Input mono value={targetDir} onChange={(e) => setTargetDir(e.target.value)} aria-label="Target folder" placeholder="a folder under MODELS_DIR" />
        </label>
        {source === "huggingface" && (
          <label className="flex items-center gap-2 text-sm text-zinc-300 md:col-span-2">
            <input type="checkbox" checked={hubCache} onChange={(e) => setHubCache(e.target.checked)} />
            Into the Hugging Face hub cache (models--owner--name with blobs, snapshots and refs) instead of a plain folder
          </label>
        )}
        <label className="text-sm text-zinc-300 md:col-span-2">
          Only these files (optional, comma-separated)
          <Input mono value={include} onChange={(e) => setInclude(e.target.value)} aria-label="Only these files" placeholder="*.safetensors, *.json" />
        </label>
        <div className="flex items-center gap-3 md:col-span-2">
          <Button variant="secondary" disabled={busy || !repo.trim()} onClick={() => void check()}>
            Check size and space
          </Button>
          <Button type="submit" disabled={busy || !repo.trim()}>
            Download
          </Button>
          {error && (
            <p role="alert" className="text-sm text-red-400">
              {error}
            </p>
          )}
        </div>
        {preview && (
          <p className="text-sm md:col-span-2" data-testid="download-preview">
            <span className="text-zinc-300">
              {preview.files.length} files, {formatBytes(preview.totalBytes)}; {formatBytes(preview.freeBytes)} free on the target&apos;s disk.
            </span>{" "}
            {preview.fits ? <span className="text-emerald-400">It fits.</span> : <span className="text-red-400">It does not fit: free {formatBytes(preview.totalBytes - preview.freeBytes)} or pick another folder.</span>}
          </p>
        )}
      </form>
    </Card>
  );
}
