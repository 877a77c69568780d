// The argument names an ICU message uses ({name}, {count, plural, ...}, and those inside its branches), to
// compare the two catalogues and to fill values; read with the same parser next-intl formats with.
import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== 0) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) visit(option.value);
      if ("children" in element) visit(element.children);
    }
  };
  visit(parse(message));
  return [...names].sort();
}
