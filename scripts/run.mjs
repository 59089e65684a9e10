// `node scripts/run.mjs <program> [args…]`: what the npm scripts call to run a command-line program (scripts/<program>.ts).
// On a full install it compiles the programs first (esbuild, well under a second), so an edited script never
// runs stale; on a production install (`npm ci --omit=dev`) it runs what `npm run build` compiled into dist/.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { bundle, distFile, ENTRIES, esbuildInstalled } from "./bundle.mjs";

const [name] = process.argv.splice(2, 1);
if (!name || !ENTRIES.includes(name)) {
  console.error(`Usage: node scripts/run.mjs <${ENTRIES.join("|")}> [arguments]`);
  process.exit(2);
}
if (esbuildInstalled()) await bundle(ENTRIES);
else if (!existsSync(distFile(name))) {
  console.error(`dist/${name}.mjs is missing: run \`npm run build\` on a full install (npm ci) first, then copy the result.`);
  process.exit(1);
}
process.argv[1] = distFile(name);
await import(pathToFileURL(distFile(name)).href);
