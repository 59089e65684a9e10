// Seeds the demo debate into an empty database. Run with the react-server condition (see package.json)
// because it reuses the server-only data functions.
import { seedDemo } from "@/server/seed/seed-demo";
import { closeDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";

async function main() {
  console.log(`Database: ${describeDatabase()}`);
  const seeded = await seedDemo();
  if (!seeded) console.log("The database already has content: nothing seeded.");
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
