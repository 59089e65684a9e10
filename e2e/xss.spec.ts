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
const READING_TABS = 3;

interface Watch {
  dialogs: string[];
  errors: string[];
}

function watch(page: Page, seen: Watch) {
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.errors.push(`${page.url()}: ${error.message}`));
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
  // Each member writes ten payloads per field: within every per-member limit for new accounts. The members work
  // side by side, each one's own requests in order: this test usually runs last, alone, with CPU to spare.
  members.push(
    ...(await Promise.all(
      Array.from({ length: MEMBERS }, async () => {
        const page = await (await browser.newContext()).newPage();
        const member = await register(page, newMember());
        return { email: member.email, page };
      }),
    )),
  );
  const perMember = await Promise.all(
    members.map(async ({ page }, m) => {
      const mine = { theses: [] as string[], sources: [] as string[], argumentIds: [] as string[] };
      for (const payload of PAYLOADS.slice(m * PER_MEMBER, (m + 1) * PER_MEMBER)) {
        const { thesis } = await ok(await page.request.post("/api/v1/theses", { data: { title: payload, body: payload } }), "thesis");
        mine.theses.push(thesis.slug);
        const { argument } = await ok(await page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "PRO", body: payload } }), "argument");
        mine.argumentIds.push(argument.id);
        const text = `Opening words of this source.\n\n${payload}\n\nClosing words of this source.`;
        const { source } = await ok(await page.request.post("/api/v1/sources", { data: { title: payload, text } }), "source");
        mine.sources.push(source.id);
        await ok(await page.request.post(`/api/v1/sources/${source.id}/quotes`, { data: { exact: payload } }), "quote");
      }
      return mine;
    }),
  );
  for (const mine of perMember) {
    written.theses.push(...mine.theses);
    written.sources.push(...mine.sources);
  }
  const argumentIds = perMember.map((mine) => mine.argumentIds);
  // Flags: each member flags the next member's arguments, with a payload as the explanation.
  await Promise.all(
    members.map(async ({ page }, m) => {
      const targets = argumentIds[(m + 1) % MEMBERS]!;
      for (const [i, payload] of PAYLOADS.slice(m * PER_MEMBER, (m + 1) * PER_MEMBER).entries()) {
        await ok(await page.request.post("/api/v1/flags", { data: { targetType: "ARGUMENT", targetId: targets[i], reason: "OTHER", details: payload } }), "flag");
      }
    }),
  );
  // Token names (at most 60 characters, 20 active tokens): created in rounds, each round revoked.
  const reader = members[0]!.page;
  const tokenNames = PAYLOADS.map((p) => (p.length <= 60 ? p : p.slice(-60)));
  for (let round = 0; round < tokenNames.length; round += 20) {
    const ids: string[] = [];
    for (const name of tokenNames.slice(round, round + 20)) ids.push((await ok(await reader.request.post("/api/v1/tokens", { data: { name } }), "token")).token.id);
    for (const id of ids) expect((await reader.request.delete(`/api/v1/tokens/${id}`)).status()).toBe(200);
  }

  grantRole(members[0]!.email, "ADMIN");
  const seen: Watch = { dialogs: [], errors: [] };
  watch(reader, seen);
  // The reader reads in a few tabs at once (same session, each tab watched the same way): one at a time left the
  // machine half idle.
  const tabs = [reader, ...(await Promise.all(Array.from({ length: READING_TABS - 1 }, () => reader.context().newPage())))];
  for (const tab of tabs.slice(1)) watch(tab, seen);
  const addresses = [
    ...written.theses.map((slug) => `/t/${slug}`),
    // The map's drawing and list are cached markup strings built outside React: they escape members' text themselves.
    ...written.theses.map((slug) => `/t/${slug}/map`),
    ...written.sources.map((id) => `/sources/${id}`),
    "/settings/tokens",
  ];
  let next = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      while (next < addresses.length) await visit(tab, addresses[next++]!);
    }),
  );
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
