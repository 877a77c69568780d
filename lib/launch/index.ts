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
