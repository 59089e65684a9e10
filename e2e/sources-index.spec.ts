import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createThesis, expectNoSeriousViolations, register } from "./support";

const TEXT = "The harbour councils ordered three electric ferries. Critics say the batteries must be replaced every eight to ten years.";

/** Pastes `count` sources through the API as the signed-in member of `request`; titles end in their number. */
async function pasteSources(request: APIRequestContext, tag: string, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    const answer = await request.post("/api/v1/sources", { data: { title: `Ferry report ${tag} no ${i}`, text: `${TEXT} (${tag} ${i})` } });
    expect(answer.status(), await answer.text()).toBe(201);
  }
}

async function noSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test("the sources index searches and pages without JavaScript, and sorts by newest", async ({ page, browser }, testInfo) => {
  const tag = `x${randomUUID().slice(0, 8)}`;
  // 21 sources, one more than a page; the paste limit (20 an hour) needs two members for that.
  await register(page);
  await pasteSources(page.request, tag, 1, 20);
  const second = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const secondPage = await second.newPage();
  await register(secondPage);
  await pasteSources(secondPage.request, tag, 21, 1);
  await second.close();

  const plain = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false });
  const reader = await plain.newPage();
  await reader.goto("/");
  await reader.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  await reader.getByLabel("Search sources").fill(tag.toUpperCase());
  await reader.getByRole("button", { name: "Search" }).click();
  await expect(reader.getByTestId("sources-summary")).toHaveText(`Showing 1–20 of 21 sources matching “${tag.toUpperCase()}”.`);
  await expect(reader.getByTestId("source-item")).toHaveCount(20);
  const firstPage = await reader.getByTestId("source-item").getByRole("link").allTextContents();

  await reader.getByRole("link", { name: "Next page" }).click();
  await expect(reader.getByTestId("sources-summary")).toHaveText(`Showing 21–21 of 21 sources matching “${tag.toUpperCase()}”.`);
  await expect(reader.getByText("Page 2 of 2")).toBeVisible();
  const last = await reader.getByTestId("source-item").getByRole("link").allTextContents();
  expect(last).toHaveLength(1);
  expect(new Set([...firstPage, ...last]).size).toBe(21);
  await expect(reader.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await reader.getByRole("link", { name: "Previous page" }).click();
  await expect(reader.getByTestId("sources-summary")).toHaveText(/^Showing 1–20 of 21/);

  // Newest first: the last one pasted leads, and the search is kept.
  await reader.getByRole("link", { name: "Newest" }).click();
  await expect(reader.getByRole("navigation", { name: "Order of sources" }).locator("[aria-current=page]")).toHaveText("Newest");
  await expect(reader.getByTestId("source-item").first().getByRole("link")).toHaveText(`Ferry report ${tag} no 21`);
  await reader.getByTestId("source-item").first().getByRole("link").click();
  await expect(reader.getByRole("heading", { level: 1, name: `Ferry report ${tag} no 21` })).toBeVisible();
  await plain.close();
});

test("the sources index is most cited first, fits a phone and has no serious accessibility violations", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sources");
  const counts = (await page.getByTestId("cited-by-count").allTextContents()).map((t) => Number(/\d+/.exec(t)![0]));
  expect(counts.length).toBeGreaterThan(1);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  // Each seeded article is one source, listed once.
  const titles = await page.getByTestId("source-item").getByRole("link").allTextContents();
  expect(titles.filter((t) => t.startsWith("Negotiations of attrition"))).toHaveLength(1);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" })).toBeVisible();
  await noSidewaysScroll(page);
  await expectNoSeriousViolations(page);
  // Signed in, the header carries more links; it must still fit.
  await register(page);
  await page.goto("/sources");
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("sources-390-member.png") });
  await expectNoSeriousViolations(page);
  // A title with no place to break (a pasted token, say) wraps instead of pushing the page sideways.
  const unbroken = `Unbroken${"ferryreport".repeat(6)}${Date.now()}`;
  const pasted = await page.request.post("/api/v1/sources", { data: { title: unbroken, text: `${TEXT} (${unbroken})` } });
  expect(pasted.status()).toBe(201);
  const { source } = (await pasted.json()) as { source: { id: string } };
  await page.goto(`/sources?sort=newest&q=${encodeURIComponent(unbroken)}`);
  await expect(page.locator(`a[href="/sources/${source.id}"]`)).toBeVisible();
  await noSidewaysScroll(page);
});

test("a #q- link marks its passage apart from the other highlights and brings it into view", async ({ page }) => {
  await page.goto("/sources?q=Negotiations%20of%20attrition");
  await page.getByTestId("source-item").first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Snapshot text" })).toBeVisible();
  const path = new URL(page.url()).pathname;
  const quoteLinks = page.getByTestId("quote").locator('a[href^="#q-"]');
  expect(await quoteLinks.count()).toBeGreaterThan(2);
  const lastId = (await quoteLinks.last().getAttribute("href"))!.slice(3);

  await page.goto(`${path}#q-${lastId}`);
  const selected = page.locator(`#snapshot mark[aria-current="true"]`);
  await expect(selected.first()).toBeVisible();
  await expect(selected.first()).toBeInViewport();
  expect(await selected.evaluateAll((marks) => marks.every((m) => (m as HTMLElement).dataset.quotes!.split(" ").includes(location.hash.slice(3))))).toBe(true);
  await expect(page.getByTestId("selected-passage-note")).toContainText(`quote [${await quoteLinks.count()}]`);
  const style = (el: Element) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, outline: s.outlineStyle };
  };
  const chosen = await selected.first().evaluate(style);
  const other = await page.locator("#snapshot mark:not([aria-current])").first().evaluate(style);
  expect(chosen.outline).not.toBe("none");
  expect(other.outline).toBe("none");
  expect(chosen.background).not.toBe(other.background);

  // Following another quote's link moves the mark.
  const firstId = (await quoteLinks.first().getAttribute("href"))!.slice(3);
  await quoteLinks.first().click();
  await expect(page).toHaveURL(new RegExp(`#q-${firstId}$`));
  await expect(page.locator(`#snapshot mark[aria-current="true"][data-quotes~="${firstId}"]`).first()).toBeInViewport();
  await expect(page.locator(`#snapshot mark[aria-current="true"][data-quotes~="${lastId}"]:not([data-quotes~="${firstId}"])`)).toHaveCount(0);
  await expect(page.getByTestId("selected-passage-note")).toContainText("quote [1]");
});

test("a refused quote's message clears once the passage is edited", async ({ page }) => {
  await register(page);
  const tag = randomUUID().slice(0, 8);
  const created = await page.request.post("/api/v1/sources", { data: { title: `Refusals ${tag}`, text: TEXT } });
  const { source } = await created.json();
  await page.goto(`/sources/${source.id}`);
  const field = page.getByLabel("Passage to quote");
  await field.fill("the batteries must be replaced every five to ten years");
  await page.getByRole("button", { name: "Save quote" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "not in the source's text" });
  await expect(refusal).toBeVisible();
  await expect(page.getByTestId("quote-suggestion")).toBeVisible();
  await field.press("End");
  await field.pressSequentially(" now");
  await expect(refusal).toHaveCount(0);
  await expect(page.getByTestId("quote-suggestion")).toHaveCount(0);
  // A new refusal shows again.
  await page.getByRole("button", { name: "Save quote" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not in the source's text" })).toBeVisible();
});

test("the Cite dialog lists each source once, and every control in it has its own name", async ({ page }) => {
  await register(page);
  await createThesis(page);
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  await page.getByRole("button", { name: "Cite" }).click();
  const dialog = page.getByRole("dialog", { name: "Cite a quote" });
  await dialog.getByLabel("Search quotes and sources").fill("Putin");
  await expect(dialog.getByTestId("cite-source").first()).toBeVisible();
  await expect(dialog.getByRole("status")).toHaveText(/quotes from \d+ sources found/);
  const headings = await dialog.getByTestId("cite-source").getByRole("heading").allTextContents();
  expect(headings.length).toBeGreaterThan(1);
  expect(new Set(headings).size).toBe(headings.length);
  const names = await dialog.locator("button, a, input").evaluateAll((controls) =>
    controls.map((c) => c.getAttribute("aria-label") ?? (c.id ? document.querySelector(`label[for="${c.id}"]`)?.textContent : null) ?? c.textContent?.trim() ?? ""),
  );
  expect(names.filter((n) => n === "")).toEqual([]);
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  await expectNoSeriousViolations(page);
});
