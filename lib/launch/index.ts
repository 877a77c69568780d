// Public API of the launch configuration library.
export * from "./flag-catalogue";
export * from "./flag-values";
export * from "./profile";
export * from "./canonical";
export * from "./build-argv";
export * from "./shell";
export * from "./presets";
export * from "./suggest";
export * from "./validate";
export * from "./shell-words";
export * from "./parse-command";
export * from "./form";
export * from "./context";
export * from "./saved-profiles";
export * from "./launch-request";
export * from "./argparse-table";
export * from "./installed-flags";
