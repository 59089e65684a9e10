import "server-only";
import escapeHtml from "escape-html";
import { thesisStrengthWords } from "@/lib/scoring/strength-words";
import type { ThesisEmbed } from "./get-thesis-embed";

/**
 * The embed card as a whole HTML document. It is not a Next page because pages share the site's root layout
 * (header, navigation), which has no place in another site's frame. Every value from the database goes
 * through escapeHtml. Links open Agora in a new tab, never inside the frame.
 */
export function renderThesisEmbed({ thesis, PRO, CON }: ThesisEmbed, origin: string): string {
  const e = escapeHtml;
  const thesisUrl = `${origin}/t/${thesis.slug}`;
  const link = (href: string, text: string, extra = "") => `<a href="${e(href)}" target="_blank" rel="noopener"${extra}>${text}</a>`;
  const side = (title: string, rows: ThesisEmbed["PRO"], cls: string) => `
    <section class="side ${cls}" aria-label="${title}">
      <h2>${title}</h2>
      ${
        rows.length === 0
          ? `<p class="none">None yet.</p>`
          : `<ol>${rows
              .map(
                (row) =>
                  `<li>${link(`${thesisUrl}/a/${row.id}`, e(row.text))} <span class="meta">strength ${row.strength.toFixed(2)}${
                    row.replyCount ? ` · ${row.replyCount} ${row.replyCount === 1 ? "reply" : "replies"}` : ""
                  }</span></li>`,
              )
              .join("")}</ol>`
      }
    </section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(thesis.title)} · Agora</title>
<style>
  *{box-sizing:border-box}
  body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;background:#fff}
  main{padding:12px 14px;border:1px solid #e2e8f0;border-radius:8px;min-height:100vh}
  .kicker{margin:0;font-size:11px;font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:#475569}
  h1{margin:2px 0 6px;font-size:17px;line-height:1.25;overflow-wrap:anywhere}
  h1 a{color:inherit;text-decoration:none} h1 a:hover{text-decoration:underline}
  .strength{margin:0 0 10px;color:#334155}
  .sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:10px}
  .side{border-left:3px solid;padding-left:8px;min-width:0}
  .pro{border-color:#0f766e} .con{border-color:#b91c1c;border-left-style:dashed}
  h2{margin:0 0 4px;font-size:13px} .pro h2{color:#0f766e} .con h2{color:#b91c1c}
  ol{margin:0;padding-left:18px} li{margin:0 0 6px;overflow-wrap:anywhere}
  li a{color:#0f172a} .meta,.none{color:#475569;font-size:12px}
  footer{margin-top:8px;font-size:12px} footer a{color:#1d4ed8}
  a:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
</style>
</head>
<body>
<main>
  <p class="kicker">Thesis on Agora</p>
  <h1>${link(thesisUrl, e(thesis.title))}</h1>
  <p class="strength">Strength ${thesis.strength.toFixed(2)} (${e(thesisStrengthWords(thesis.strength))}) · ${thesis.argumentCount} ${thesis.argumentCount === 1 ? "argument" : "arguments"}</p>
  <div class="sides">${side("Strongest for", PRO, "pro")}${side("Strongest against", CON, "con")}</div>
  <footer>${link(thesisUrl, "Read the whole debate on Agora")} · ${link(`${thesisUrl}/map`, "See its map")}</footer>
</main>
</body>
</html>`;
}
