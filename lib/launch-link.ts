/** The New deployment page pre-filled with a model folder, through its `?command=` (a pasted command). */
export const launchHrefFor = (modelPath: string): string =>
  `/launch?command=${encodeURIComponent(`python -m sglang.launch_server --model-path ${/[\s'"\\$`]/.test(modelPath) ? `'${modelPath.replace(/'/g, `'\\''`)}'` : modelPath}`)}`;
