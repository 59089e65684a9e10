// `npm run user:reset-link -- <email or handle>`: prints a one-time link (30 minutes) that lets the member choose a
// new password, for sites without email (SMTP_URL unset). Run it on the server with the app's DATABASE_URL; the
// act goes into the moderation log. Send the link to the member privately: whoever holds it can take the account.
import { issueResetLinkFromCommandLine, RESET_MINUTES } from "@/server/auth/password-reset";
import { closeDatabase, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { EmbeddedDatabaseBusyError } from "@/server/embedded-database-lock";
import { AppError } from "@/server/errors";

async function main() {
  const who = process.argv.slice(2).join(" ").trim();
  if (!who) throw new Error("Usage: npm run user:reset-link -- <email or handle>");
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  try {
    const { link, email } = await issueResetLinkFromCommandLine(who);
    console.log(`Password-reset link for ${email} (works once, within ${RESET_MINUTES} minutes; logged in the moderation log):\n${link}`);
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  // Refusals (no such member, the embedded database busy) say what to do; a stack trace would bury it.
  const expected = error instanceof AppError || error instanceof EmbeddedDatabaseBusyError || (error instanceof Error && error.message.startsWith("Usage"));
  console.error(expected && error instanceof Error ? error.message : error);
  process.exit(1);
});
