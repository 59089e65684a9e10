// `npm run import -- <file.json> [--authors <mapping.json>] [--admin <handle|email>]`: imports a thesis export
// (format agora.thesis-export) as a new thesis, in one transaction, logged as the administrator's act. The
// mapping file is a JSON object of exported author handle → handle or email of an account here; other authors
// get placeholder accounts that cannot sign in. A file with any problem is refused with a report; nothing is written.
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase } from "@/server/db";
import { describeDatabase } from "@/server/database-location";
import { AppError } from "@/server/errors";
import { assertImportSize } from "@/server/interchange/check-export";
import { importThesis } from "@/server/interchange/import-thesis";
import { commandLineAdministrator } from "./interchange/administrator";

const USAGE = "Usage: npm run import -- <file.json> [--authors <mapping.json>] [--admin <handle|email>]";

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { authors: { type: "string" }, admin: { type: "string" } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error(USAGE);
  // Refused before reading: a file too large to import is not loaded into memory either.
  const { size } = await stat(file);
  assertImportSize(size);
  const text = await readFile(file, "utf8");
  let authors: unknown = {};
  if (values.authors) {
    try {
      authors = JSON.parse(await readFile(values.authors, "utf8"));
    } catch (error) {
      throw new Error(`The authors mapping ${values.authors} is not readable JSON: ${error instanceof Error ? error.message : error}`);
    }
  }
  console.log(`Database: ${describeDatabase()}`);
  await openDatabase();
  const admin = await commandLineAdministrator(values.admin);
  const report = await importThesis({ actorId: admin.id, text, authors: authors as Record<string, string> });
  console.log(JSON.stringify({ thesis: report.thesis, counts: report.counts, authors: report.authors }, null, 2));
  console.log(`Imported as /t/${report.thesis.slug}.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof AppError) for (const problem of Object.values(error.fieldErrors).flat()) console.error(`- ${problem}`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
