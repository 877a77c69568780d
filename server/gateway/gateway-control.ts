// What the /v1 gateway asks of the console, wherever its requests are served (its own process or the console's): whose
// key a request carries, which instance answers its model, the key's limits, and the usage to record. Requests in
// flight per instance and per key are counted here, so the least busy instance and a key's limits hold for both.
import { canUsePlayground, ROLES, type Actor, type UserRole } from "../../lib/authz";
import { gatewayError, type GatewayError } from "../../lib/gateway/openai-error";
import { RateWindow } from "../../lib/gateway/rate-window";
import { resolveModel, type GatewayCandidate } from "../../lib/gateway/resolve-model";
import type { Supervisor } from "../supervisor/supervisor";
import type { KeyService } from "./key-service";
import type { CountedUsage, InstanceEndpoint } from "./proxy-completion";
import type { UsageEntry } from "./usage";

interface Caller {
  actor: Actor;
  key: { id: string; name: string; models: string[] | null; rpm: number | null; tpm: number | null; maxInFlight: number | null };
}

export type Refusal = { ok: false; error: GatewayError };
export type ModelsAnswer = { ok: true; names: string[] } | Refusal;
/** An admitted request holds its ticket until `finish`. */
export type Admission = { ok: true; ticket: number; endpoint: InstanceEndpoint } | Refusal;
/** What the request's body asked for: a model, or why the body cannot be forwarded (told only once the key passed). */
export type AdmitRequest = { model: string } | { invalid: GatewayError };
/** The calls the gateway's front makes; async, so that they can cross to another process. */
export interface GatewayControlApi {
  /** The served model names of the ready instances the key may use. */
  models(authorization: string | undefined): Promise<ModelsAnswer>;
  /** One call per request: a call to another process costs time to the first token. */
  admit(authorization: string | undefined, request: AdmitRequest): Promise<Admission>;
  finish(ticket: number, usage: CountedUsage): void;
}

export function createGatewayControl(deps: { keys: KeyService; supervisor: Supervisor; usage: { record: (entry: UsageEntry) => void } }) {
  const inFlightByInstance = new Map<string, number>();
  const inFlightByKey = new Map<string, number>();
  const requestsPerMinute = new RateWindow();
  const tokensPerMinute = new RateWindow();
  const tickets = new Map<number, { caller: Caller; instanceId: string }>();
  let lastTicket = 0;
  const bump = (map: Map<string, number>, id: string, by: number) => map.set(id, (map.get(id) ?? 0) + by);
  const refuse = (error: GatewayError): Refusal => ({ ok: false, error });

  async function findCaller(authorization: string | undefined): Promise<Caller | GatewayError> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match) return gatewayError(401, "invalid_api_key", "Send a personal API key as `Authorization: Bearer <key>`; create one on the console's API keys page.");
    const found = await deps.keys.authenticate(match[1]!);
    if (!found) return gatewayError(401, "invalid_api_key", "This API key is not valid: it is unknown, revoked or expired, or its owner is disabled.");
    const role = (ROLES as readonly string[]).includes(found.user.role ?? "") ? (found.user.role as UserRole) : "viewer";
    const { key } = found;
    return {
      actor: { id: found.user.id, name: found.user.name, role },
      key: { id: key.id, name: key.name, models: key.modelsJson ? (JSON.parse(key.modelsJson) as string[]) : null, rpm: key.rpm, tpm: key.tpm, maxInFlight: key.maxInFlight },
    };
  }

  function candidatesFor(caller: Caller): GatewayCandidate[] {
    return deps.supervisor
      .listRoutes()
      .filter((instance) => canUsePlayground(caller.actor, instance))
      .filter((instance) => caller.key.models === null || caller.key.models.includes(instance.servedModelName ?? instance.modelPath))
      .map((instance) => ({ id: instance.id, name: instance.name, phase: instance.phase, servedModelName: instance.servedModelName, modelPath: instance.modelPath, inFlight: inFlightByInstance.get(instance.id) ?? 0 }));
  }

  function limitError(caller: Caller): GatewayError | null {
    const { key } = caller;
    if (key.maxInFlight !== null && (inFlightByKey.get(key.id) ?? 0) >= key.maxInFlight) {
      return gatewayError(429, "rate_limit_exceeded", `This key allows ${key.maxInFlight} requests in flight at once; wait for one to finish.`, { retryAfterS: 1 });
    }
    const afterRequests = key.rpm === null ? null : requestsPerMinute.retryAfterS(key.id, key.rpm);
    if (afterRequests !== null) return gatewayError(429, "rate_limit_exceeded", `This key allows ${key.rpm} requests per minute.`, { retryAfterS: afterRequests });
    const afterTokens = key.tpm === null ? null : tokensPerMinute.retryAfterS(key.id, key.tpm);
    if (afterTokens !== null) return gatewayError(429, "rate_limit_exceeded", `This key allows ${key.tpm} tokens per minute.`, { retryAfterS: afterTokens });
    return null;
  }

  const api: GatewayControlApi = {
    async models(authorization) {
      const caller = await findCaller(authorization);
      if ("status" in caller) return refuse(caller);
      const names = new Set(candidatesFor(caller).filter((candidate) => candidate.phase === "ready").map((candidate) => candidate.servedModelName ?? candidate.modelPath));
      return { ok: true, names: [...names].sort() };
    },

    async admit(authorization, request) {
      const caller = await findCaller(authorization);
      if ("status" in caller) return refuse(caller);
      if ("invalid" in request) return refuse(request.invalid);
      const { model } = request;
      const resolution = resolveModel(model, candidatesFor(caller));
      if (resolution.kind === "not_found") return refuse(gatewayError(404, "model_not_found", `The model ${model} does not exist or you do not have access to it.`, { param: "model" }));
      if (resolution.kind === "starting") return refuse(gatewayError(503, "model_starting", `The model ${model} is still starting (instance ${resolution.name}); try again shortly.`, { retryAfterS: 10 }));
      if (resolution.kind === "ambiguous") return refuse(gatewayError(400, "model_ambiguous", `${model} matches several served models: ${resolution.names.join(", ")}. Name one of them.`, { param: "model" }));
      const limited = limitError(caller);
      if (limited) return refuse(limited);
      const endpoint = deps.supervisor.endpointOf(resolution.instanceId);
      // A key's limits are fixed when it is made: a window is kept only for the keys that have that limit.
      if (caller.key.rpm !== null) requestsPerMinute.add(caller.key.id, 1);
      bump(inFlightByKey, caller.key.id, 1);
      bump(inFlightByInstance, resolution.instanceId, 1);
      const ticket = ++lastTicket;
      tickets.set(ticket, { caller, instanceId: resolution.instanceId });
      return { ok: true, ticket, endpoint };
    },

    finish(ticket, usage) {
      const held = tickets.get(ticket);
      if (!held) return;
      tickets.delete(ticket);
      const { caller, instanceId } = held;
      bump(inFlightByKey, caller.key.id, -1);
      bump(inFlightByInstance, instanceId, -1);
      if (usage.prompt + usage.completion === 0) return;
      if (caller.key.tpm !== null) tokensPerMinute.add(caller.key.id, usage.prompt + usage.completion);
      deps.usage.record({ userId: caller.actor.id, keyId: caller.key.id, label: caller.key.name, model: usage.model, promptTokens: usage.prompt, completionTokens: usage.completion, estimated: usage.estimated });
    },
  };

  return {
    ...api,
    /** Counts a request the console forwards itself (a demo link's) as in flight on `instanceId` until the returned call. */
    hold(instanceId: string): () => void {
      bump(inFlightByInstance, instanceId, 1);
      return () => bump(inFlightByInstance, instanceId, -1);
    },
    record: (entry: UsageEntry) => deps.usage.record(entry),
  };
}

export type GatewayControl = ReturnType<typeof createGatewayControl>;
