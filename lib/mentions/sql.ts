/** Mentions in SQL: text that holds `<@userId>` tokens (lib/mentions/tokens.ts), as people read it. */
import { Prisma } from "@/lib/db";

/**
 * `column` (text, may be null) with each `<@userId>` written as `@Name` by the person's current
 * name (`@someone` when unknown), as `mentionsAsText` does: for snippets made in the database.
 * Text without a mention is returned as it is, without splitting.
 */
export function mentionsAsTextSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${column} LIKE '%<@%' THEN (
      SELECT string_agg(CASE WHEN m.part[1] IS NOT NULL THEN '@' || coalesce(u.name, 'someone') ELSE m.part[2] END, '' ORDER BY m.ord)
      FROM regexp_matches(${column}, '<@([A-Za-z0-9_-]{1,64})>|([^<]+|<)', 'g') WITH ORDINALITY AS m(part, ord)
      LEFT JOIN users u ON u.id = m.part[1]
    ) ELSE coalesce(${column}, '') END`;
}
