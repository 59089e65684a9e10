import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { SEEDED_THESIS as SEEDED, expectNoSeriousViolations, register, SEEDED_TOPIC } from "./support";

async function openSeededThesis(page: Page) {
  // Its topic's page, not the home page: the home page is paged, and theses other specs open push this one off it.
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: SEEDED }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEEDED })).toBeVisible();
  return new URL(page.url()).pathname; // /t/<slug>
}

const viewBoxWidth = async (page: Page) => Number((await page.getByTestId("argument-map").getAttribute("viewBox"))!.split(" ")[2]);

test("the thesis page links to its map by a thumbnail; every node of the map is a working link", async ({ page, request }) => {
  const thesisPath = await openSeededThesis(page);
  const thumbnail = page.locator(`img[src="${thesisPath}/map/thumbnail"]`);
  await thumbnail.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole("link", { name: "See the map of the debate" }).click();
  await expect(page).toHaveURL(`${thesisPath}/map`);
  const nodes = page.locator('[data-testid="argument-map"] a');
  expect(await nodes.count()).toBeGreaterThan(5);
  // Each node is named by its stance and opening words.
  await expect(page.getByRole("link", { name: /^For: / }).first()).toBeAttached();
  await expect(page.getByRole("link", { name: /^Against: / }).first()).toBeAttached();
  const hrefs = [...new Set(await nodes.evaluateAll((links) => links.map((a) => a.getAttribute("href")!)))];
  for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
  // Follow a few: an argument node opens that argument as the focus.
  for (const index of [1, 2]) {
    const node = page.locator('[data-testid="argument-map"] a:not([data-kind])').nth(index);
    const href = await node.getAttribute("href");
    await node.click();
    await expect(page).toHaveURL(href!);
    await expect(page.getByRole("navigation", { name: "Path from the thesis" })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`${thesisPath}/map`);
  }
  await expectNoSeriousViolations(page);
  // The same structure as a list, on its own page, with the same links.
  await page.getByRole("link", { name: "The map as a list" }).click();
  await expect(page).toHaveURL(`${thesisPath}/map/list`);
  const list = page.getByRole("navigation", { name: "The map as a list" });
  const listHrefs = await list.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(new Set(listHrefs)).toEqual(new Set(hrefs.filter((h) => h !== thesisPath)));
  await expect(list.getByRole("link", { name: /^For: / }).first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("zoom and pan work from the keyboard", async ({ page }) => {
  const thesisPath = await openSeededThesis(page);
  await page.goto(`${thesisPath}/map`);
  const full = await viewBoxWidth(page);
  const zoomIn = page.getByRole("button", { name: "Zoom in" });
  await zoomIn.focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => viewBoxWidth(page)).toBeLessThan(full);
  const zoomed = await viewBoxWidth(page);
  await page.keyboard.press("Tab"); // Zoom out
  await page.keyboard.press("Space");
  await expect.poll(() => viewBoxWidth(page)).toBeGreaterThan(zoomed);
  // Shortcuts while the map has focus: + zooms, arrows pan, 0 resets.
  await page.getByTestId("argument-map").focus();
  await page.keyboard.press("+");
  await expect.poll(() => viewBoxWidth(page)).toBeLessThan(full);
  const before = await page.getByTestId("argument-map").getAttribute("viewBox");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => page.getByTestId("argument-map").getAttribute("viewBox")).not.toBe(before);
  await page.keyboard.press("0");
  await expect.poll(() => viewBoxWidth(page)).toBe(full);
  await page.getByRole("button", { name: "Pan left" }).click();
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect.poll(() => viewBoxWidth(page)).toBe(full);
});

test("map, its list and embed fit a 390 px phone and have no serious axe violations", async ({ page }) => {
  const thesisPath = await openSeededThesis(page);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [`${thesisPath}/map`, `${thesisPath}/map/list`, `${thesisPath}/embed`]) {
    await page.goto(path);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `${path} at 390 px`).toBeLessThanOrEqual(client);
    await expectNoSeriousViolations(page);
  }
});

test("only the embed may be framed by another site, and its links open Agora outside the frame", async ({ page, request, baseURL }) => {
  const thesisPath = await openSeededThesis(page);
  const embed = await request.get(`${thesisPath}/embed`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/", thesisPath, `${thesisPath}/map`, `${thesisPath}/outline`, "/api/v1/theses"]) {
    expect((await request.get(path)).headers()["x-frame-options"], path).toBe("DENY");
  }
  // Another site (a server of the test's own on another port: another origin) frames the embed and the thesis
  // page. It runs on loopback because Chromium's local-network rules stop a public page from framing 127.0.0.1.
  const otherSite = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(
      `<!doctype html><title>Other site</title><iframe id="embed" title="embed" src="${baseURL}${thesisPath}/embed"></iframe><iframe id="page" title="page" src="${baseURL}${thesisPath}"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
  await page.goto(`http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/`);
  const framed = page.frameLocator("#embed");
  await expect(framed.getByRole("heading", { level: 1, name: SEEDED })).toBeVisible();
  for (const target of await framed.locator("a").evaluateAll((links) => links.map((a) => `${a.getAttribute("target")} ${a.getAttribute("rel")}`))) {
    expect(target).toBe("_blank noopener");
  }
  await expect(page.frameLocator("#page").getByRole("heading", { name: SEEDED })).toHaveCount(0);
  otherSite.close();
});

test("oEmbed: discovered from the thesis page, answers the rich type, refuses xml and foreign URLs", async ({ page, request, baseURL }) => {
  const thesisPath = await openSeededThesis(page);
  const discovery = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
  expect(discovery).toContain("/api/oembed?");
  const answer = await request.get(discovery!);
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toMatchObject({ version: "1.0", type: "rich", title: SEEDED });
  expect(body.html).toContain(`${thesisPath}/embed"`);
  const url = `${baseURL}${thesisPath}`;
  expect((await request.get(`/api/oembed?${new URLSearchParams({ url, format: "xml" })}`)).status()).toBe(501);
  expect((await request.get(`/api/oembed?${new URLSearchParams({ url: `https://example.org${thesisPath}` })}`)).status()).toBe(404);
  expect((await request.get(`/api/oembed?${new URLSearchParams({ url: `${baseURL}/t/no-such-thesis-anywhere` })}`)).status()).toBe(404);
});

test.describe("the cached map", () => {
  test.use({ storageState: "e2e/.auth/member.json" });

  // The map's markup is cached across requests and viewers (server/arguments/get-argument-map.ts): a write must
  // show on the very next view, and what a moderator's visit put in the cache must be what a visitor may see.
  test("shows a new argument on the next view, and a moderator-warmed cache never carries a hidden branch to visitors", async ({ request, playwright, browser, baseURL }) => {
    const { thesis } = await (await request.post("/api/v1/theses", { data: { title: `Map cache ${Date.now()}` } })).json();
    // Another member writes the arguments: the thesis's owner moderates them, but not their own.
    const authorContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const authorPage = await authorContext.newPage();
    await register(authorPage);
    const post = async (body: string, stance: "PRO" | "CON", parentId?: string) => {
      const answer = await authorPage.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance, body, parentId } });
      expect(answer.status()).toBe(201);
      return (await answer.json()).argument.id as string;
    };
    const visitor = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const onMap = async (who: typeof request, id: string) => {
      const answer = await who.get(`/t/${thesis.slug}/map`);
      expect(answer.status()).toBe(200);
      return (await answer.text()).includes(`/t/${thesis.slug}/a/${id}`);
    };

    const kept = await post("Kept on the map", "PRO");
    expect(await onMap(visitor, kept)).toBe(true);
    const added = await post("Posted after the map was cached", "CON");
    expect(await onMap(visitor, added)).toBe(true);

    const branch = await post("Soon hidden by the owner", "CON");
    const underBranch = await post("A reply under the hidden one", "PRO", branch);
    expect(await onMap(visitor, underBranch)).toBe(true);
    // The owner moderates the thesis: hides the branch, then is the first to open the map again.
    const hide = await request.post("/api/v1/moderation/actions", { data: { action: "HIDE", targetType: "ARGUMENT", targetId: branch, reason: "Off topic" } });
    expect(hide.status()).toBe(200);
    expect(await onMap(request, branch)).toBe(false);
    for (const id of [branch, underBranch]) expect(await onMap(visitor, id), id).toBe(false);
    expect(await onMap(visitor, kept)).toBe(true);
    await visitor.dispose();
    await authorContext.close();
  });
});
