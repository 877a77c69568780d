import type { Namespace, Server } from "socket.io";
import { canViewDownloads } from "../../lib/authz";
import { SETTLED_STATES } from "../../lib/downloads";
import { AppError } from "../../lib/errors";
import { DOWNLOADS_NAMESPACE, type DownloadsClientToServer, type DownloadsServerToClient } from "../../lib/realtime-downloads";
import type { Services } from "../services";
import { requireSignedIn } from "./socket-auth";

type DownloadsNamespace = Namespace<DownloadsClientToServer, DownloadsServerToClient>;

/**
 * `/downloads`: every download to a newcomer at once, then each one's progress as the download service pushes it
 * (at most four times a second per download). Only those who may see downloads get in; the namespace takes no events.
 */
export function attachDownloadsNamespace(io: Server, services: Services): DownloadsNamespace {
  const namespace: DownloadsNamespace = io.of(DOWNLOADS_NAMESPACE);
  namespace.use(requireSignedIn(services));
  namespace.use((socket, next) => next(canViewDownloads(socket.data.actor) ? undefined : new AppError("forbidden")));
  namespace.on("connection", (socket) => {
    services.downloads.list().then(
      (downloads) => {
        socket.emit("download:snapshot", downloads);
        // A running download may have moved on between the snapshot's read and its sending: its latest view follows.
        for (const download of downloads) if (!SETTLED_STATES.includes(download.state)) services.downloads.nudge(download.id);
      },
      (error: unknown) => console.error(`[socket] download:snapshot: ${String(error)}`),
    );
  });
  services.downloads.subscribe((download) => namespace.emit("download:progress", download));
  return namespace;
}
