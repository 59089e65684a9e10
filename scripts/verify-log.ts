// `npm run moderation:verify-log`: recomputes the moderation log's hash chain and reports the first entry
// that was altered, removed or re-ordered. Exit code 1 when the chain is broken (usable from cron or CI).
import { closeDatabase, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { verifyModerationLog } from "@/server/moderation/log";

async function main() {
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  const result = await verifyModerationLog();
  if (result.ok) {
    const entries = `${result.checked} ${result.checked === 1 ? "entry" : "entries"}`;
    console.log(`Moderation log intact: ${entries} verified. Head hash: ${result.lastHash}`);
    return;
  }
  console.error(
    `Moderation log BROKEN at entry #${result.firstBroken!.seq}: ${result.firstBroken!.problem}. ` +
      `${result.checked} entries before it verified.`,
  );
  process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
