import type { ApiError } from '@drill/server/protocol';

export type ApiResult<T> =
  | { ok: true; value: T }
  /** `diagnostics`: a trainer's own scenario the server refused (HTTP 422), every problem at its place. */
  | { ok: false; status: number; reason: string; diagnostics?: ApiError['diagnostics'] };

/** A call to the room server's REST API (same origin), with the trainer's token when given. */
export async function api<T>(
  path: string,
  o: { method?: 'GET' | 'POST'; body?: unknown; token?: string; lang?: string } = {},
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: o.method ?? 'GET',
      headers: {
        ...(o.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
        ...(o.lang ? { 'Accept-Language': o.lang } : {}),
      },
      ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    });
  } catch (e) {
    return { ok: false, status: 0, reason: e instanceof Error ? e.message : String(e) };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = json as Partial<ApiError> | undefined;
    return {
      ok: false,
      status: res.status,
      reason: err?.reason ?? `HTTP ${res.status}`,
      ...(Array.isArray(err?.diagnostics) ? { diagnostics: err.diagnostics } : {}),
    };
  }
  return { ok: true, value: json as T };
}
