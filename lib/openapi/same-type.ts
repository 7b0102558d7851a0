/**
 * Compile-time proof that a response schema and a presenter's DTO type describe the same
 * JSON: `sameType<z.output<typeof Schema>, SomeDTO>(true)` fails `npm run typecheck` as soon
 * as either side gains, loses or changes a field the other does not.
 */

/** `true` when A and B are assignable to each other, `false` otherwise. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Call with `true`: it only compiles when the two types are the same. */
export function sameType<A, B>(_proof: SameType<A, B>): void {}
