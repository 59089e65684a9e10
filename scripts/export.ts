// `npm run export -- <slug> [--format json|argdown|aif] [--out <file>] [--admin <handle|email>]`: writes a thesis's
// export (JSON by default, streamed) to a file or to standard output, as an administrator sees it (complete,
// hidden content included).
import { createWriteStream } from "node:fs";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase } from "@/server/db";
import { collectThesisExport, openThesisExport, streamThesisExport } from "@/server/interchange/export-thesis";
import { toArgdown } from "@/server/interchange/to-argdown";
import { toAif } from "@/server/interchange/to-aif";
import { commandLineAdministrator } from "./interchange/administrator";

const USAGE = "Usage: npm run export -- <slug> [--format json|argdown|aif] [--out <file>] [--admin <handle|email>]";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: "string", default: "json" }, out: { type: "string" }, admin: { type: "string" } },
  });
  const slug = positionals[0];
  if (!slug || positionals.length > 1 || !["json", "argdown", "aif"].includes(values.format!)) throw new Error(USAGE);
  await openDatabase();
  const parts = await openThesisExport(slug, await commandLineAdministrator(values.admin));
  const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  if (values.format === "json") {
    await pipeline(Readable.fromWeb(streamThesisExport(parts) as import("node:stream/web").ReadableStream), out);
    return;
  }
  const document = await collectThesisExport(parts);
  const text = values.format === "argdown" ? toArgdown(document) : JSON.stringify(toAif(document));
  await pipeline(Readable.from([text]), out);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
