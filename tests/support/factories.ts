import { randomUUID } from "node:crypto";
import { registerUser } from "@/server/auth/register-user";
import { createThesis } from "@/server/theses/create-thesis";
import { createArgument } from "@/server/arguments/create-argument";
import { createArgumentSchema } from "@/lib/validation/argument";
import { createThesisSchema } from "@/lib/validation/thesis";

/** A fresh member per call: tests never share mutable users or theses. */
export async function makeUser(overrides: { name?: string; email?: string; password?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const password = overrides.password ?? "correct horse battery";
  const user = await registerUser({
    email: overrides.email ?? `member-${tag}@example.test`,
    name: overrides.name ?? `Member ${tag}`,
    password,
  });
  return { ...user, password };
}

export async function makeThesis(actor: { id: string }, title = `Thesis ${randomUUID().slice(0, 8)}`, topics: string[] = []) {
  return createThesis({ actor, input: createThesisSchema.parse({ title, topics }) });
}

export async function makeArgument(
  actor: { id: string },
  input: { thesisId: string; parentId?: string | null; stance?: "PRO" | "CON"; body?: string },
) {
  return createArgument({
    actor,
    input: createArgumentSchema.parse({
      thesisId: input.thesisId,
      parentId: input.parentId ?? "",
      stance: input.stance ?? "PRO",
      body: input.body ?? `Argument ${randomUUID().slice(0, 8)}`,
    }),
  });
}
