/** Factories for integration tests: each test makes its own users and articles. */
import { randomUUID } from "node:crypto";
import { SYSTEM, type Actor, type Role } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import { toActor } from "@/lib/users/present";
import { createArticle } from "@/lib/articles/create-article";

export const TEST_PASSWORD = "correct horse battery";

/** A new user with a unique email, returned as an actor. */
export async function makeUser(role: Role = "reviewer", name = `Test ${role}`): Promise<Actor> {
  const user = await createUser({
    actor: SYSTEM,
    input: { name, email: `${role}-${randomUUID()}@example.test`, password: TEST_PASSWORD, role },
  });
  return toActor(user);
}

/** A new article with the given plain text. */
export async function makeArticle(text = "First paragraph.\n\nSecond paragraph.", title = "Test article"): Promise<string> {
  const { id } = await createArticle({ actor: SYSTEM, input: { title, text } });
  return id;
}
