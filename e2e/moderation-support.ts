import { execFileSync } from "node:child_process";
import path from "node:path";
import { testDatabaseUrl } from "../scripts/db/test-database";

const root = path.resolve(__dirname, "..");

/**
 * Grants a role the way an operator would: `npm run admin:create` against the e2e database (the same URL
 * scripts/e2e-server.ts serves from, suffix included).
 */
export function grantRole(email: string, role: "ADMIN" | "MODERATOR") {
  return execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/admin-create.ts", "--email", email, "--role", role],
    { cwd: root, env: { ...process.env, DATABASE_URL: testDatabaseUrl("agora_e2e") }, encoding: "utf8" },
  );
}
