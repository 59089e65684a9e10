// Stands in for a running server in the embedded-database lock tests: opens the embedded database of
// AGORA_DATA_DIR through server/db.ts, as the app does, says so, and keeps it until it is signalled or killed.
// It installs no signal handler of its own, so a SIGINT/SIGTERM exercises the lock's own release.
import { db, openDatabase } from "@/server/db";

async function main() {
  await openDatabase();
  const users = await db.user.count();
  console.log(`holding the embedded database (${users} users)`);
  setInterval(() => {}, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
