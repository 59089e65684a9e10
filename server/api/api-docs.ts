import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The API reference page (/api/docs): Scalar's self-contained browser build, served from our own origin, reading
 * /api/v1/openapi.json. No inline script (configuration travels in data- attributes), nothing loaded from other
 * hosts (no web fonts, no telemetry), so it runs under a strict Content-Security-Policy, which the page sets.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Scalar's components set style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const configuration = JSON.stringify({ withDefaultFonts: false, telemetry: false, hideDownloadButton: false }).replace(/"/g, "&quot;");

export const API_DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agora API reference</title>
</head>
<body>
<script id="api-reference" data-url="/api/v1/openapi.json" data-configuration="${configuration}"></script>
<script src="/api/docs/scalar.js"></script>
</body>
</html>
`;

let script: Promise<Buffer> | null = null;

/** Scalar's standalone bundle (about 5 MB), read once from the installed package. */
export function scalarScript(): Promise<Buffer> {
  script ??= readFile(path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js"));
  return script;
}
