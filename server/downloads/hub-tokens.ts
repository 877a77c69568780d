// Which token a download sends to each hub: the one an administrator stored wins over HF_TOKEN /
// MODELSCOPE_API_TOKEN from the environment. Views say whether one is stored (its last 4 characters) and which is
// used, never the token.
import { DOWNLOAD_SOURCES, tokenTail, type DownloadSource, type HubTokenView } from "../../lib/downloads";
import type { Db } from "../db/client";
import { clearHubToken, findStoredHubToken, storeHubToken } from "../db/hub-tokens";
import type { DownloadEnv } from "../env";

export interface ChosenToken {
  token: string | null;
  from: HubTokenView["using"];
}

export type HubTokens = ReturnType<typeof createHubTokens>;

export function createHubTokens(db: Db, env: Pick<DownloadEnv, "huggingFaceToken" | "modelScopeToken">) {
  const fromEnvironment = (source: DownloadSource) => (source === "huggingface" ? env.huggingFaceToken : env.modelScopeToken);
  const view = async (source: DownloadSource): Promise<HubTokenView> => {
    const stored = await findStoredHubToken(db, { source });
    const inEnvironment = fromEnvironment(source) !== null;
    return {
      source,
      stored: stored ? { last4: tokenTail(stored.token), updatedAt: stored.updatedAt.toISOString() } : null,
      inEnvironment,
      using: stored ? "stored" : inEnvironment ? "environment" : "none",
    };
  };
  return {
    /** The token a download of `source` sends to the hub's own host, and where it came from. */
    choose: async (source: DownloadSource): Promise<ChosenToken> => {
      const stored = await findStoredHubToken(db, { source });
      if (stored) return { token: stored.token, from: "stored" };
      const token = fromEnvironment(source);
      return { token, from: token ? "environment" : "none" };
    },
    list: (): Promise<HubTokenView[]> => Promise.all(DOWNLOAD_SOURCES.map(view)),
    /** Stores or (`null`) clears; answers whether anything changed, and the view after. */
    change: async (source: DownloadSource, token: string | null): Promise<{ changed: boolean; view: HubTokenView }> => {
      let changed = true;
      if (token === null) changed = await clearHubToken(db, { source });
      else await storeHubToken(db, { source, token });
      return { changed, view: await view(source) };
    },
  };
}
