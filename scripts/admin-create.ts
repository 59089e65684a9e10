// `npm run admin:create -- --email you@example.org [--name "Your Name" --password "…"] [--role ADMIN|MODERATOR]`
// Creates the account (name and password needed) or promotes an existing one found by email. Run it on the
// server with the same DATABASE_URL as the app; the grant is written to the moderation log like any other.
import { parseArgs } from "node:util";
import { registerSchema } from "@/lib/validation/auth";
import { registerUser } from "@/server/auth/register-user";
import { closeDatabase, db, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { EmbeddedDatabaseBusyError } from "@/server/embedded-database-lock";
import { logBootstrapRole } from "@/server/moderation/bootstrap-admin";

const USAGE = 'Usage: npm run admin:create -- --email <email> [--name "<display name>" --password "<password>"] [--role ADMIN|MODERATOR]';

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, role: { type: "string", default: "ADMIN" } },
  });
  const role = values.role?.toUpperCase();
  if (!values.email) throw new Error(`Missing --email. ${USAGE}`);
  if (role !== "ADMIN" && role !== "MODERATOR") throw new Error(`--role must be ADMIN or MODERATOR. ${USAGE}`);
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  const email = values.email.trim().toLowerCase();

  let user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, name: true } });
  if (!user) {
    if (!values.name || !values.password) throw new Error(`No account has the email ${email}: give --name and --password to create it. ${USAGE}`);
    const parsed = registerSchema.safeParse({ email, name: values.name, password: values.password });
    if (!parsed.success) {
      throw new Error(Object.values(parsed.error.flatten().fieldErrors).flat().join(" "));
    }
    const created = await registerUser(parsed.data);
    user = { id: created.id, role: "USER", name: created.name };
    console.log(`Created the account ${created.email} (@${created.handle}).`);
  }
  if (user.role === role) {
    console.log(`${user.name} is already ${role.toLowerCase()}: nothing to do.`);
    return;
  }
  const from = user.role;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await logBootstrapRole(tx, user.id, { via: "admin:create", from, to: role });
  });
  console.log(`${user.name} is now ${role === "ADMIN" ? "an administrator" : "a moderator"} (was ${from.toLowerCase()}).`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof EmbeddedDatabaseBusyError) {
      // The server would never see an account written beside it, so the way in that needs no second process:
      console.error(
        "Without this command: restart the server with AGORA_ADMIN_EMAILS=<your email> and register with that email; " +
          "the account becomes an administrator when it is created.",
      );
    }
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
