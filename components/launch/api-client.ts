// The launch page's calls to the console's API; errors become the message the API wrote.

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: unknown,
  ) {
    super(message);
  }
}

export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure("The console did not answer; is it still running?", 0, null);
  }
  const data = (await response.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
  if (!response.ok) throw new ApiFailure(data?.error?.message ?? `The request failed (${response.status}).`, response.status, data?.error?.details ?? null);
  return data as T;
}
