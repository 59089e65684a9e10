import "server-only";
import { db } from "../db";
import { ConflictError, uniqueViolation } from "../errors";
import type { RegisterInput } from "@/lib/validation/auth";
import { hashPassword } from "./password";
import { createHandle } from "../users/create-handle";
import { isBootstrapAdminEmail, logBootstrapRole } from "../moderation/bootstrap-admin";
import { limitRule, takeLimit } from "../access/limits";

/**
 * Creates a member. `address` is the client's, for sign-ups from the web and the API: every attempt from it
 * counts towards its limit, a refused or taken email too (so the form cannot be used to enumerate accounts
 * cheaply), and the count comes before the expensive password hash. Scripts and the seed pass none.
 */
export async function registerUser(input: RegisterInput, { address }: { address?: string } = {}) {
  const rule = address === undefined ? null : limitRule("registerAddress");
  if (rule) await takeLimit(rule, address!);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // Checked first for a friendly message; the unique indexes below still decide races.
      const clash = await tx.user.findFirst({
        where: { OR: [{ email: input.email }, { nameKey: input.name.toLowerCase() }] },
        select: { email: true },
      });
      if (clash) throw conflictFor(clash.email === input.email ? ["email"] : ["nameKey"]);
      const admin = isBootstrapAdminEmail(input.email);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          nameKey: input.name.toLowerCase(),
          handle: await createHandle(tx, input.name),
          passwordHash,
          ...(admin ? { role: "ADMIN" as const } : {}),
        },
        select: { id: true, email: true, name: true, handle: true, createdAt: true },
      });
      if (admin) await logBootstrapRole(tx, user.id, { via: "AGORA_ADMIN_EMAILS", from: "USER", to: "ADMIN" });
      return user;
    });
  } catch (error) {
    const fields = uniqueViolation(error);
    if (fields) throw conflictFor(fields);
    throw error;
  }
}

function conflictFor(fields: string[]): ConflictError {
  if (fields.includes("email")) {
    return new ConflictError("An account with this email already exists.", {
      email: ["An account with this email already exists. Sign in instead?"],
    });
  }
  if (fields.includes("nameKey")) {
    return new ConflictError("That display name is taken.", { name: ["That display name is taken. Try another."] });
  }
  return new ConflictError("That account could not be created: please try again.");
}
