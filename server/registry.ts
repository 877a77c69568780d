import "server-only";
import { AppError } from "@/lib/errors";
import { readPublishedServices } from "./published-services";
import type { Services } from "./services";

/** The services built by the custom server, for route handlers and server components. */
export function getServices(): Services {
  const services = readPublishedServices();
  if (!services) throw new AppError("services_unavailable");
  return services;
}
