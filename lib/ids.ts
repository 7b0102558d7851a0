/**
 * Row ids made in the app, for rows written by raw SQL. Prisma makes the same kind of id for
 * `@default(cuid())` when it writes a row itself; the database has no default for them.
 *
 * The shape is that of a cuid: "c", the time in milliseconds, a per-process counter and
 * random characters, all base 36, 25 characters in all. Ids made later in one process sort
 * after earlier ones; uniqueness rests on the 62 random bits, not on the clock.
 */
import { randomBytes } from "node:crypto";

const COUNTER_SPACE = 36 ** 4;
let counter = randomBytes(4).readUInt32BE(0) % COUNTER_SPACE;

// Random bytes are drawn 4 KB at a time: each call into the generator costs far more than
// the eight bytes an id needs.
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let poolOffset = 0;

function random62Bits(): bigint {
  if (poolOffset + 8 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const value = pool.readBigUInt64BE(poolOffset) >> 2n;
  poolOffset += 8;
  return value;
}

function base36(value: number | bigint, width: number): string {
  return value.toString(36).padStart(width, "0").slice(-width);
}

/** A new id, unique across processes and servers. */
export function newId(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  return `c${base36(Date.now(), 8)}${base36(counter, 4)}${base36(random62Bits(), 12)}`;
}
