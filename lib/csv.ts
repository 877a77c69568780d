/** One RFC 4180 cell; a cell a spreadsheet would run as a formula is quoted with a leading apostrophe. */
export const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : value;

export const toCsv = (rows: readonly (readonly string[])[]): string => rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
