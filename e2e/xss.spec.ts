import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { grantRole } from "./moderation-support";
import { register, newMember } from "./support";

/**
 * Stored XSS: 50 payloads in every user-text field, rendered in Chromium where readers see them. A payload that
 * ran would open a dialog (alert), set the global `__xss`, or make the browser log an error (a broken image or
 * script it tried to load). Display names are not here: their schema refuses `<`, quotes and `=` outright.
 */
const vectors = [
  (x: string) => `<script>${x}</script>`,
  (x: string) => `<img src=x onerror="${x}">`,
  (x: string) => `<svg onload="${x}">`,
  (x: string) => `<iframe src="javascript:${x}">`,
  (x: string) => `[click me](javascript:${x})`,
  (x: string) => `<a href="javascript:${x}">link</a>`,
  (x: string) => `<details open ontoggle="${x}">`,
  (x: string) => `"><body onload="${x}">`,
  (x: string) => `'><math><style><img src=x onerror=${x}>`,
  (x: string) => `<input autofocus onfocus="${x}">`,
];
const wrappers = [(v: string) => v, (v: string) => `"${v}`, (v: string) => `'>${v}`, (v: string) => `</textarea>${v}`, (v: string) => `**b** ${v} \`c\``];
const PAYLOADS = wrappers.flatMap((wrap, w) => vectors.map((vector, v) => wrap(vector(`__xss=${w * 10 + v},alert(${w * 10 + v})`))));
const MEMBERS = 5;
const PER_MEMBER = PAYLOADS.length / MEMBERS;

interface Watch {
  dialogs: string[];
  errors: string[];
}

function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], errors: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.errors.push(`${page.url()}: ${error.message}`));
  return seen;
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), url).toBeUndefined();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, checked where it is used
async function ok(response: Awaited<ReturnType<APIRequestContext["post"]>>, what: string): Promise<any> {
  expect(response.status(), `${what}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test("50 stored XSS payloads in every user-text field render inert", async ({ browser }) => {
  test.setTimeout(600_000);
  expect(PAYLOADS).toHaveLength(50);
  const written = { theses: [] as string[], sources: [] as string[] };
  const members: { email: string; page: Page }[] = [];
  // Each member writes ten payloads per field: within every per-member limit for new accounts.
  for (let m = 0; m < MEMBERS; m++) {
    const page = await (await browser.newContext()).newPage();
    const member = await register(page, newMember());
    members.push({ email: member.email, page });
  }
  const argumentIds: string[][] = [];
  for (const [m, { page }] of members.entries()) {
    const mine: string[] = [];
    for (const payload of PAYLOADS.slice(m * PER_MEMBER, (m + 1) * PER_MEMBER)) {
      const { thesis } = await ok(await page.request.post("/api/v1/theses", { data: { title: payload, body: payload } }), "thesis");
      written.theses.push(thesis.slug);
      const { argument } = await ok(await page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "PRO", body: payload } }), "argument");
      mine.push(argument.id);
      const text = `Opening words of this source.\n\n${payload}\n\nClosing words of this source.`;
      const { source } = await ok(await page.request.post("/api/v1/sources", { data: { title: payload, text } }), "source");
      written.sources.push(source.id);
      await ok(await page.request.post(`/api/v1/sources/${source.id}/quotes`, { data: { exact: payload } }), "quote");
    }
    argumentIds.push(mine);
  }
  // Flags: each member flags the next member's arguments, with a payload as the explanation.
  for (const [m, { page }] of members.entries()) {
    const targets = argumentIds[(m + 1) % MEMBERS]!;
    for (const [i, payload] of PAYLOADS.slice(m * PER_MEMBER, (m + 1) * PER_MEMBER).entries()) {
      await ok(await page.request.post("/api/v1/flags", { data: { targetType: "ARGUMENT", targetId: targets[i], reason: "OTHER", details: payload } }), "flag");
    }
  }
  // Token names (at most 60 characters, 20 active tokens): created in rounds, each round revoked.
  const reader = members[0]!.page;
  const tokenNames = PAYLOADS.map((p) => (p.length <= 60 ? p : p.slice(-60)));
  for (let round = 0; round < tokenNames.length; round += 20) {
    const ids: string[] = [];
    for (const name of tokenNames.slice(round, round + 20)) ids.push((await ok(await reader.request.post("/api/v1/tokens", { data: { name } }), "token")).token.id);
    for (const id of ids) expect((await reader.request.delete(`/api/v1/tokens/${id}`)).status()).toBe(200);
  }

  grantRole(members[0]!.email, "ADMIN");
  const seen = watch(reader);
  for (const slug of written.theses) await visit(reader, `/t/${slug}`);
  // The map's drawing and list are cached markup strings built outside React: they escape members' text themselves.
  for (const slug of written.theses) await visit(reader, `/t/${slug}/map`);
  for (const id of written.sources) await visit(reader, `/sources/${id}`);
  await visit(reader, "/settings/tokens");
  // The review queue, oldest first, page after page until every flag's explanation has been rendered.
  const flagsShown = new Set<string>();
  await visit(reader, "/moderation");
  for (let pages = 0; pages < 40 && flagsShown.size < PAYLOADS.length; pages++) {
    const bodyText = await reader.locator("body").innerText();
    for (const p of PAYLOADS) if (bodyText.includes(p)) flagsShown.add(p);
    const next = reader.getByRole("link", { name: /Next page/ });
    if ((await next.count()) === 0) break;
    await next.click();
    await reader.waitForLoadState("load");
  }

  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(flagsShown.size).toBe(PAYLOADS.length);
  console.log(
    `xss: ${PAYLOADS.length} payloads in each of 8 fields (thesis title, thesis body, argument body, source title, source text, quote, flag reason, token name), ` +
      `${2 * written.theses.length + written.sources.length + 2} pages rendered (thesis pages and their maps, sources, tokens, queue), 0 dialogs, 0 injected globals, 0 console errors`,
  );
});
