import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support";

test.use({ storageState: "e2e/.auth/member.json" });

/** A word only this test writes (letters only, so stemming leaves it whole). */
const uniqueWord = () => `zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 10)}x`;

test("search from the header box by keyboard, with results linking to the argument's focus and the source", async ({ page, request }) => {
  const word = uniqueWord();
  const { thesis } = await (await request.post("/api/v1/theses", { data: { title: `Debate about ${word} policy` } })).json();
  const { argument } = await (
    await request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "CON", body: `The ${word} argument, made plainly.` } })
  ).json();
  const created = await request.post("/api/v1/sources", {
    data: { title: `Report on ${word}`, text: `A pasted report that talks about ${word} and other matters at some length.` },
  });
  expect(created.status()).toBe(201);
  const { source } = await created.json();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  // Keyboard only: Tab from the top of the page to the header's search field, type, Enter.
  const field = page.getByRole("searchbox", { name: "Search", exact: true });
  for (let i = 0; i < 12 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(field).toBeFocused();
  await page.keyboard.type(word);
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/search?q=${word}`);

  const results = page.getByTestId("search-result");
  await expect(results).toHaveCount(3);
  // The thesis's title match ranks above the argument's body-only match, and every match is marked.
  const kinds = await results.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
  expect(kinds.indexOf("thesis")).toBeLessThan(kinds.indexOf("argument"));
  for (const result of await results.all()) await expect(result.locator("mark", { hasText: word }).first()).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.locator("[data-kind=argument]").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/t/${thesis.slug}/a/${argument.id}$`));

  await page.goBack();
  await page.locator("[data-kind=source]").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/sources/${source.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Report on ${word}` })).toBeVisible();
});

test("bad queries and empty results get a message; filters narrow the results", async ({ page, request }) => {
  const word = uniqueWord();
  const { thesis } = await (await request.post("/api/v1/theses", { data: { title: `Filter ${word} thesis` } })).json();
  await request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "PRO", body: `Supporting ${word}.` } });

  await page.goto(`/search?q=${encodeURIComponent('" - OR "')}`);
  await expect(page.getByTestId("search-problem")).toContainText("no words to search for");
  await page.goto(`/search?q=${"x".repeat(201)}`);
  await expect(page.getByTestId("search-problem")).toContainText("at most 200 characters");

  await page.goto(`/search?q=${word}`);
  await page.getByLabel("Show").selectOption("argument");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("search-result")).toHaveCount(1);
  await expect(page.getByTestId("search-result")).toHaveAttribute("data-kind", "argument");

  await page.goto(`/search?q=${word}&kind=quote`);
  await expect(page.getByTestId("search-empty")).toContainText("removing the filters");
  await page.getByRole("link", { name: "removing the filters" }).click();
  await expect(page.getByTestId("search-result")).toHaveCount(2);
  await expectNoSeriousViolations(page);
});

test.describe("signed out", () => {
  // As in layout.spec.ts: the signed-in header's account links are wider than a phone on their own.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("on a phone the header links to the search page instead of a field", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toBeHidden();
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/search$/);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await expect(page.getByLabel("Search theses, arguments, sources and quotes")).toBeVisible();
  });
});
