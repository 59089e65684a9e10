import { resetTestDatabase, testDatabaseUrl } from "../../scripts/db/test-database";

/** One fresh, migrated database per run; each test then creates its own users and theses in it. */
export default async function setup() {
  await resetTestDatabase(testDatabaseUrl("agora_test"));
}
