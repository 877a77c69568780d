// Reading a create form's optional fields: an empty box is left out of the request, not sent as 0 or "".

export const optionalNumber = (value: FormDataEntryValue | null): number | undefined => (value && String(value).trim() !== "" ? Number(value) : undefined);

/** `{ expiresAt }` as an ISO time when the form's datetime-local box `expiresAt` is filled, else nothing. */
export function expiryOf(form: FormData): { expiresAt?: string } {
  const expires = String(form.get("expiresAt") ?? "");
  return expires ? { expiresAt: new Date(expires).toISOString() } : {};
}
