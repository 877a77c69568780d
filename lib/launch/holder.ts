// Who holds a GPU or a port a launch wants: one of the console's instances (its name and its owner's display name)
// or a program the console did not start. The supervisor builds it (server/supervisor/conflicts.ts `holderOf`);
// it is worded where it is shown: in English for the API's messages and logs, from launch.holders.* on the page.
import { localText, type LocalText } from "./local-text";

export type Holder = { kind: "instance"; name: string; owner: string } | { kind: "foreign" };

export const FOREIGN_HOLDER: Holder = { kind: "foreign" };

/** English, as the API's `message` and the logs say it: "instance glm-a (owner Ada)". */
export function describeHolder(holder: Holder): string {
  return holder.kind === "instance" ? `instance ${holder.name} (owner ${holder.owner})` : "another program";
}

/** The holder as a page words it (a parameter of launch.issues.* and launch.gpus.heldBy). */
export function holderText(holder: Holder): LocalText {
  return holder.kind === "instance" ? localText("holders.instance", { name: holder.name, owner: holder.owner }) : localText("holders.foreign");
}
