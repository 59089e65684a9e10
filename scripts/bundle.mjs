// Compiles the command-line entry points (scripts/<name>.ts) into dist/<name>.mjs with esbuild, so that the
// production install (`npm ci --omit=dev`) runs them with plain Node: no tsx, no TypeScript at run time.
// `npm run build` bundles every entry; scripts/run.mjs re-bundles the one it runs when esbuild is installed, so
// a development checkout never runs a stale copy.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the production install runs: `npm start` and the operator's commands. Dev-only scripts stay on tsx. */
export const ENTRIES = ["start", "serve", "migrate", "seed", "admin-create", "verify-log", "strength-verify", "user-reset-link", "export", "import", "notifications-digest"];

export const distFile = (name) => path.join(root, "dist", `${name}.mjs`);

/** esbuild is a devDependency: present on a full install, absent on a production one. */
export function esbuildInstalled() {
  try {
    createRequire(import.meta.url).resolve("esbuild");
    return true;
  } catch {
    return false;
  }
}

const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

export async function bundle(names) {
  const { build } = await import("esbuild");
  const result = await build({
    write: false,
    entryPoints: Object.fromEntries(names.map((name) => [name, path.join(root, "scripts", `${name}.ts`)])),
    outdir: path.join(root, "dist"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Packages load from node_modules at run time, as they do for Next's server; only our own code (and the
    // generated Prisma client under server/) goes into the bundle.
    packages: "external",
    // `import "server-only"` throws outside React's server build; Next's server bundles get its empty export. These
    // programs are server code too, so the import is compiled away here (left to Node, it would throw).
    plugins: [serverOnlyIsEmpty],
    tsconfig: path.join(root, "tsconfig.json"),
    // The sources are written as CommonJS-era scripts (__dirname, require.resolve).
    banner: {
      js: [
        'import { createRequire as __agoraCreateRequire } from "node:module";',
        'import { fileURLToPath as __agoraFileURLToPath } from "node:url";',
        "const require = __agoraCreateRequire(import.meta.url);",
        "const __filename = __agoraFileURLToPath(import.meta.url);",
        'const __dirname = __agoraFileURLToPath(new URL(".", import.meta.url));',
      ].join("\n"),
    },
    logLevel: "warning",
  });
  // Written beside and renamed into place: another process may be starting from dist/ while this one bundles.
  mkdirSync(path.join(root, "dist"), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(ENTRIES);
  console.log(`Bundled ${ENTRIES.length} command-line programs into dist/.`);
}
