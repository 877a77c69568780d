import type { Namespace, Socket } from "socket.io";
import type { Actor } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import { isOwnOrigin } from "../../lib/request-guard";
import type { Services } from "../services";

/** How often open sockets are checked against their session (sign-out, disable, role change end them). */
export const SOCKET_SESSION_CHECK_MS = 2000;

interface SocketData {
  actor: Actor;
  sessionId: string;
}

/**
 * The handshake of every namespace: from the console's own origin (a browser always sends Origin on a
 * websocket; a script sends none and still needs a session) and with a signed-in session.
 */
export function requireSignedIn(services: Services) {
  return async (socket: Socket, next: (error?: Error) => void): Promise<void> => {
    const { origin, host } = socket.handshake.headers;
    if (origin !== undefined && !isOwnOrigin(origin, host, services.env.consoleOrigins)) return next(new AppError("forbidden"));
    const signedIn = await services.auth.signedIn(socket.handshake.headers).catch(() => null);
    if (!signedIn) return next(new AppError("unauthorized"));
    (socket.data as SocketData).actor = signedIn.actor;
    (socket.data as SocketData).sessionId = signedIn.sessionId;
    next();
  };
}

/** Closes the sockets whose session ended or whose user was disabled or changed role, within SOCKET_SESSION_CHECK_MS. */
export function watchSocketSessions(namespaces: readonly Namespace[], services: Services): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void checkAll(namespaces, services).finally(() => (running = false));
  }, SOCKET_SESSION_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function checkAll(namespaces: readonly Namespace[], services: Services): Promise<void> {
  const verdicts = new Map<string, Promise<boolean>>();
  for (const namespace of namespaces) {
    for (const socket of namespace.sockets.values()) {
      const { sessionId, actor } = socket.data as SocketData;
      const key = `${sessionId}:${actor.role}`;
      if (!verdicts.has(key)) verdicts.set(key, services.auth.sessionStillValid(sessionId, actor.role).catch(() => true));
      if (!(await verdicts.get(key))) socket.disconnect(true);
    }
  }
}
