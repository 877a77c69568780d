"use client";
import { useState } from "react";
import { callApi, ApiFailure } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { defaultRevision, type DownloadSource } from "@/lib/downloads";

/** Source, repository, revision, target folder and an optional file filter; the server checks them again. */
export function DownloadForm({ modelsDirs, onStarted }: { modelsDirs: string[]; onStarted: () => void }) {
  const [source, setSource] = useState<DownloadSource>("modelscope");
  const [repo, setRepo] = useState("ZhipuAI/GLM-4.7-Flash");
  const [revision, setRevision] = useState("");
  const [targetDir, setTargetDir] = useState(modelsDirs[0] ?? "");
  const [include, setInclude] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const patterns = include.split(",").map((p) => p.trim()).filter(Boolean);
      await callApi("POST", "/api/downloads", { source, repo: repo.trim(), revision: revision.trim() || undefined, targetDir: targetDir.trim() || undefined, include: patterns.length ? patterns : undefined });
      onStarted();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
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
        <label className="text-sm text-zinc-300 md:col-span-2">
          Only these files (optional, comma-separated)
          <Input mono value={include} onChange={(e) => setInclude(e.target.value)} aria-label="Only these files" placeholder="*.safetensors, *.json" />
        </label>
        <div className="flex items-center gap-3 md:col-span-2">
          <Button type="submit" disabled={busy || !repo.trim()}>
            Download
          </Button>
          {error && (
            <p role="alert" className="text-sm text-red-400">
              {error}
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}
