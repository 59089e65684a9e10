// `npm run notifications:digest`: mails each member their unread, not yet mailed notifications (one message each)
// and marks them mailed. Run it from cron (e.g. hourly). Without SMTP_URL it sends nothing and exits 0.
import { closeDatabase, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { sendNotificationDigests } from "@/server/notifications/send-notification-digests";

async function main() {
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  const run = await sendNotificationDigests();
  if (!run.configured) {
    console.log("SMTP_URL is not set: no digest sent.");
    return;
  }
  console.log(`Digest sent to ${run.members} ${run.members === 1 ? "member" : "members"} (${run.notifications} notifications).`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
