import { expect, test, type Page } from "@playwright/test";
import { SEEDED_THESIS, createThesis, register, SEEDED_TOPIC } from "./support";

/** Every page type, from the seeded debate: none may scroll sideways (citation previews included). */
async function pageTypes(page: Page) {
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: SEEDED_THESIS }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
  const thesis = new URL(page.url()).pathname;
  const focus = await page.getByTestId("argument").first().getByRole("link", { name: /^Permalink/ }).getAttribute("href");
  const profile = await page.locator(".argument-card header a[href^='/u/']").first().getAttribute("href");
  await page.goto(focus!);
  const source = await page.getByTestId("footnote").first().getByRole("link").first().getAttribute("href");
  return ["/", thesis, focus!, `${focus}/history`, `${thesis}/outline`, `${thesis}/log`, source!.split("#")[0]!, profile!, "/login", "/register", "/moderation/log", "/topics", "/topics/russia-ukraine-war"];
}

for (const width of [390, 1366]) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const paths = await pageTypes(page);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${path} at ${width} px`).toBeLessThanOrEqual(client);
    }
  });
}

test("signed in, the header fits a 390 px phone and every control in it is reachable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await register(page);
  const paths = await pageTypes(page);
  for (const path of paths.slice(0, 5)) {
    await page.goto(path);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `${path} signed in at 390 px`).toBeLessThanOrEqual(client);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const control of await nav.locator("a:visible, button:visible").all()) await expect(control).toBeInViewport();
  }
  // A thesis owner moderates it: the header gains a "Moderation" link and still fits.
  await createThesis(page);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Moderation", exact: true })).toBeInViewport();
  for (const control of await nav.locator("a:visible, button:visible").all()) await expect(control).toBeInViewport();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, "home as a thesis owner at 390 px").toBeLessThanOrEqual(client);
});
