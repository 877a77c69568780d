// Which files of a repository a download takes. Free of zod: the download's own thread loads it.

/** fnmatch-style patterns as modelscope's and huggingface_hub's filters read them: `*` also crosses `/`. */
export function matchesAny(filePath: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((pattern) => globToRegExp(pattern).test(filePath) || globToRegExp(pattern).test(filePath.split("/").pop()!));
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
