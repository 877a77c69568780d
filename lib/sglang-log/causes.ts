import { translator } from "../i18n/translate";
import { FAILURE_CAUSES, type FailureCause } from "./failure-causes";

export { FAILURE_CAUSES, isFailureCause, type FailureCause } from "./failure-causes";

const english = translator("en", "diagnose");

/** Each cause's title in English (logs, stored runs); `diagnose.causes.<cause>` in the catalogues for any language. */
export const CAUSE_TITLES: Readonly<Record<FailureCause, string>> = Object.fromEntries(FAILURE_CAUSES.map((c) => [c, english(`causes.${c}`)])) as Record<FailureCause, string>;

export function causeTitle(cause: FailureCause): string {
  return CAUSE_TITLES[cause];
}
