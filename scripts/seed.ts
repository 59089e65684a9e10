// Seeds the demo debate into an empty database. Run with the react-server condition (see package.json)
// because it reuses the server-only data functions.
import { seedDemo } from "@/server/seed/seed-demo";
import { closeDatabase, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { EmbeddedDatabaseBusyError } from "@/server/embedded-database-lock";

async function main() {
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  const seeded = await seedDemo();
  if (!seeded) console.log("The database already has content: nothing seeded.");
  await closeDatabase();
}

main().catch((error: unknown) => {
  // A refusal to share the embedded database is an expected answer, not a crash: its message says what to do.
  console.error(error instanceof EmbeddedDatabaseBusyError ? error.message : error);
  process.exit(1);
});
