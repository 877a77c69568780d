import type { Services } from "./services";

// Next bundles route handlers in a module graph of its own, so a module-level singleton would exist twice;
// a global symbol is the one place both graphs can see (vercel/next.js#79401). This module imports only
// types, so that Next never bundles the supervisor (node-pty, processes) through it.
const SERVICES_KEY = Symbol.for("sglang-console.services");

type GlobalWithServices = typeof globalThis & { [SERVICES_KEY]?: Services };

export function publishServices(services: Services): void {
  (globalThis as GlobalWithServices)[SERVICES_KEY] = services;
}

export function readPublishedServices(): Services | undefined {
  return (globalThis as GlobalWithServices)[SERVICES_KEY];
}
