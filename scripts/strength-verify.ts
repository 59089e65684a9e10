// `npm run strength:verify`: recomputes every thesis's and argument's DF-QuAD strength from the votes and compares
// it with what the write path stored. Exit code 1 on any difference (usable from cron or CI).
import { closeDatabase, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { verifyStrength } from "@/server/strength/verify-strength";

async function main() {
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  const result = await verifyStrength();
  if (result.mismatches.length === 0) {
    console.log(`Stored strength matches a full recompute: ${result.theses} theses, ${result.arguments} arguments.`);
    return;
  }
  for (const m of result.mismatches.slice(0, 20)) {
    console.error(`thesis ${m.thesisId} ${m.argumentId ? `argument ${m.argumentId}` : "(thesis)"} ${m.field}: stored ${m.stored}, recomputed ${m.expected}`);
  }
  console.error(`${result.mismatches.length} stored values differ from a full recompute.`);
  process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
