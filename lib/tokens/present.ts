/** The shape of an access token that leaves the domain layer. The hash never does. */
import { iso } from "@/lib/articles/present";

export interface AccessTokenDTO {
  id: string;
  name: string;
  /** The first characters of the secret, for telling tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Selects only the columns the presenter needs: never `tokenHash`. */
export const accessTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

interface AccessTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token as its owner sees it. */
export function presentAccessToken(row: AccessTokenRow): AccessTokenDTO {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}
