// Run by tests/integration/live-embedded.test.ts in a process of its own, with DATABASE_URL unset: live events on
// the embedded database (PGlite's own LISTEN/NOTIFY). Prints the subjects delivered, as JSON.
import { closeDatabase, db } from "../../server/db";
import { publishLive } from "../../server/live/publish";
import { subscribeLive } from "../../server/live/subscribe";

async function main() {
  const topic = "thesis:embedded-check";
  const delivered: string[] = [];
  const unsubscribe = await subscribeLive(topic, 0n, (events) => delivered.push(...events.map((e) => e.subjectId)));
  await db
    .$transaction(async (tx) => {
      await publishLive(tx, topic, "ARGUMENT_CREATED", "rolled-back");
      throw new Error("roll back");
    })
    .catch(() => {});
  await db.$transaction((tx) => publishLive(tx, topic, "ARGUMENT_CREATED", "committed"));
  for (let i = 0; i < 100 && delivered.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  // Anything else would arrive right behind it.
  await new Promise((resolve) => setTimeout(resolve, 200));
  unsubscribe();
  console.log(JSON.stringify(delivered));
  await closeDatabase();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
