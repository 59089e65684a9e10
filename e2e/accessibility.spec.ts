import { expect, test } from "@playwright/test";
import { SEEDED_THESIS as SEEDED, expectNoSeriousViolations } from "./support";

test("home, thesis, login and register pages have no serious axe violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: SEEDED })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: SEEDED }).click();
  await expect(page.getByTestId("argument").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/login");
  await expectNoSeriousViolations(page);
  await page.goto("/register");
  await expectNoSeriousViolations(page);
});

test.describe("signed in", () => {
  test.use({ storageState: "e2e/.auth/member.json" });

  test("the composer is reachable and usable from the keyboard alone", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: SEEDED }).click();
    const add = page.getByRole("button", { name: "+ Add an argument against" });
    await add.focus();
    await page.keyboard.press("Enter");
    const box = page.getByLabel("Your argument against the thesis");
    await expect(box).toBeFocused();
    await expectNoSeriousViolations(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Post" })).toBeFocused();
  });

  test("the seeded debate's first screen shows its top-level arguments by at least 3 members, and its branches open as focus views", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: SEEDED }).click();
    const args = page.getByTestId("argument");
    await expect(args.first()).toBeVisible();
    expect(await args.count()).toBe(7);
    // Nothing below the first level is sent until asked for.
    await expect(page.locator('[data-testid="argument"][data-depth="1"]')).toHaveCount(0);
    const authors = await page.locator(".argument-card header a[href^='/u/']").allTextContents();
    expect(new Set(authors).size).toBeGreaterThanOrEqual(3);
    await args.first().getByTestId("reply-count").click();
    await expect(page.locator('[data-testid="argument"][data-depth="1"]').first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
