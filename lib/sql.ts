/**
 * Pieces of the SQL statements written by hand (`$queryRaw`), where Prisma's own mapping of
 * values does not apply.
 */
import { Prisma } from "@/lib/db";

/** A `timestamp(3)` parameter: Prisma stores DateTime columns as UTC without a time zone. */
export function sqlTimestamp(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString().replace("Z", "")}::timestamp(3)`;
}

/**
 * A DateTime column, which holds UTC to the millisecond, as the text `Date#toISOString` makes
 * of it. `column` is written into the statement as it is: pass a column name, never input.
 */
export function sqlIsoText(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}
