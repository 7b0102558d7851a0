/** zod helpers shared by every use case: parse or fail with field-named errors. */
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Parses `input` with `schema`, or throws an `invalid_input` AppError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const prefix = issue.path.length > 0 ? `${issue.path.join(".")}.` : "";
    if (issue.code === "unrecognized_keys") {
      // Name each extra field, so a client that sends `author` or `status` learns which one
      // the server refuses to take from it.
      for (const key of issue.keys) fields[`${prefix}${key}`] ??= "This field cannot be set here.";
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === "_" ? first[1] : `${first[0]}: ${first[1]}`) : "Invalid input";
  throw new AppError("invalid_input", message, { fields });
}
