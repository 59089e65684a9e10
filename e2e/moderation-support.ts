import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
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

/**
 * Review items for the thesis at `slug`, straight in the e2e database (flagging 50 items through the site would
 * take minutes and hit the flag limits): `arguments` on arguments, then `sources` on sources, one second apart,
 * a day ago. Their targets do not exist; the queue shows them as "the content no longer exists".
 */
export async function seedReviewItems(slug: string, { arguments: argumentCount, sources }: { arguments: number; sources: number }) {
  const client = new pg.Client({ connectionString: testDatabaseUrl("agora_e2e") });
  await client.connect();
  try {
    const tag = randomUUID().replace(/-/g, "").slice(0, 12);
    await client.query(
      `INSERT INTO "ReviewItem" (id, "targetType", "targetId", "thesisId", "flagCount", "createdAt", "updatedAt")
       SELECT 'e2e' || $1::text || lpad(n::text, 4, '0'), (CASE WHEN n < $2::int THEN 'ARGUMENT' ELSE 'SOURCE' END)::"TargetType",
              'gone' || $1::text || n, t.id, 1, now() - interval '1 day' + n * interval '1 second', now()
       FROM generate_series(0, $2::int + $3::int - 1) AS n, "Thesis" AS t WHERE t.slug = $4::text`,
      [tag, argumentCount, sources, slug],
    );
  } finally {
    await client.end();
  }
}
