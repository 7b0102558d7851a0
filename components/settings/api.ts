/** The settings page's calls to the token API, with the API's error messages kept for the form. */
import type { AccessTokenDTO } from "@/lib/tokens/present";

export interface ApiProblem {
  message: string;
  fields: Record<string, string>;
}

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

const OFFLINE: ApiProblem = { message: "Could not reach the server. Check your connection and try again.", fields: {} };

async function problemOf(response: Response, fallback: string): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return { message: body.error?.message ?? fallback, fields: body.error?.fields ?? {} };
}

/** POST /api/tokens: the new token and its secret, shown once. */
export async function requestCreateToken(name: string): Promise<Result<AccessTokenDTO & { secret: string }>> {
  try {
    const response = await fetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    if (!response.ok) return { ok: false, problem: await problemOf(response, "Could not create the token.") };
    return { ok: true, value: (await response.json()) as AccessTokenDTO & { secret: string } };
  } catch {
    return { ok: false, problem: OFFLINE };
  }
}

/** DELETE /api/tokens/:id. */
export async function requestRevokeToken(id: string): Promise<Result<null>> {
  try {
    const response = await fetch(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!response.ok) return { ok: false, problem: await problemOf(response, "Could not revoke the token.") };
    return { ok: true, value: null };
  } catch {
    return { ok: false, problem: OFFLINE };
  }
}

/** GET /api/tokens: the current list, as the server has it. */
export async function requestTokens(): Promise<Result<AccessTokenDTO[]>> {
  try {
    const response = await fetch("/api/tokens", { cache: "no-store" });
    if (!response.ok) return { ok: false, problem: await problemOf(response, "Could not load the tokens.") };
    const body = (await response.json()) as { items: AccessTokenDTO[] };
    return { ok: true, value: body.items };
  } catch {
    return { ok: false, problem: OFFLINE };
  }
}
