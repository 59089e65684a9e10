// The production server (`npm start` runs it after migrating, seeding and building). Next.js answers every
// request except the few that server/api/fast-routes.ts claims: those are answered by the same code Next's
// route handlers call, without Next's per-request pipeline (web Request/Response objects, route matching,
// async-context set-up), which costs more CPU than the vote itself. Run under `--conditions=react-server`
// so the server-only modules load here as they do inside Next's bundles.
import http from "node:http";
import path from "node:path";
import next from "next";
import { fastRouteFor } from "../server/api/fast-routes";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => {
    const fast = fastRouteFor(request);
    void (fast ? fast(response) : handle(request, response));
  });
  server.listen(port, () => console.log(`Agora is listening on http://localhost:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections of idle clients must not hold the shutdown up.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
