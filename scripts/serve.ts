// The production server (`npm start` runs it after migrating, seeding and building, as dist/serve.mjs: see
// scripts/bundle.mjs, which also compiles the `server-only` guard away for the modules it loads itself). Next.js answers every
// request except the few that server/api/fast-routes.ts claims: those are answered by the same code Next's
// route handlers call, without Next's per-request pipeline (web Request/Response objects, route matching,
// async-context set-up), which costs more CPU than the vote itself.
import http from "node:http";
import path from "node:path";
import next from "next";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Loaded (bundled, evaluated here) once Next has set its server environment up, as Next's own bundles would be. These modules and
  // Next's bundled copies of them share one Prisma client (and one PGlite) through globalThis: see server/db.ts.
  const { fastRouteFor } = require("../server/api/fast-routes") as typeof import("../server/api/fast-routes");
  const { closeDatabase, openDatabase } = require("../server/db") as typeof import("../server/db");
  const { deliverWatcherNotifications } = require("../server/notifications/deliver-watcher-notifications") as typeof import("../server/notifications/deliver-watcher-notifications");
  // Taken before the port opens: a second server (or a script started first) is refused now, with the lock's
  // message, rather than at its first request.
  await openDatabase();
  // instrumentation.ts installs it too, but this server must not depend on Next having run that first.
  (require("../server/auth/client-address") as typeof import("../server/auth/client-address")).installSocketAddressStamp();
  const server = http.createServer((request, response) => {
    const fast = fastRouteFor(request);
    void (fast ? fast(response) : handle(request, response));
  });
  server.listen(port, () => console.log(`Agora is listening on http://localhost:${port}`));
  const stop = () => {
    // Requests in flight finish; the watchers of this process's last posts are told now rather than by the next
    // post elsewhere; then the pool closes, and the embedded database shuts down cleanly.
    server.close(() => {
      void deliverWatcherNotifications()
        .catch((error: unknown) => console.error("Telling watchers at shutdown failed; the next post or digest will.", error))
        .finally(() => closeDatabase().finally(() => process.exit(0)));
    });
    server.closeIdleConnections();
    // A client holding a connection open must not hold the shutdown up.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  // The lock's refusal says what to do; a stack trace would bury it.
  console.error(error instanceof Error && error.name === "EmbeddedDatabaseBusyError" ? error.message : error);
  process.exit(1);
});
