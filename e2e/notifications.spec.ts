import { expect, test } from "@playwright/test";
import { clickAndSave, createThesis, expectNoSeriousViolations, register } from "./support";

test("a rebuttal notifies the argument's author: unread count, an entry linking to the focus view, mark read; watch toggles; a switched-off kind stays quiet", async ({
  page,
  browser,
}) => {
  // B opens a thesis and argues for it.
  await register(page);
  const title = await createThesis(page);
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  await page.getByLabel("Your argument for the thesis").fill("Sanctions cut the revenue that pays for the war.");
  await page.getByRole("button", { name: "Post" }).click();
  await page.getByRole("list", { name: "Arguments for" }).getByTestId("argument").first().locator(".prose-argument").click();
  await expect(page).toHaveURL(/\/a\/a[0-9a-f]+$/);
  const focusPath = new URL(page.url()).pathname;
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // B watches what they post: the toggle is pressed, and can be undone and redone (it survives a reload).
  const watch = page.getByRole("button", { name: "Watch this argument" });
  await expect(watch).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Watching: new arguments beneath it notify you.")).toBeVisible();
  await clickAndSave(page, watch);
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await watch.focus();
  await page.keyboard.press("Enter");
  await expect(watch).toHaveAttribute("aria-pressed", "true");

  // A, in another browser, rebuts it.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const rebutter = await other.newPage();
  const a = await register(rebutter);
  await rebutter.goto(focusPath);
  await rebutter.getByRole("button", { name: "+ Add a rebuttal" }).click();
  await rebutter.getByLabel("Your rebuttal").fill("Revenue fell less than spending rose.");
  await rebutter.getByRole("button", { name: "Post" }).click();
  await expect(rebutter.getByRole("list", { name: "Rebuttals" }).getByTestId("argument")).toHaveCount(1);
  // The rebutter is not told of their own post.
  await expect(rebutter.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // B's open page counts it live, without a reload (GET /api/v1/notifications/events).
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveText("1");

  // B sees the unread count, then the entry under the thesis's heading, linking to the focus view.
  await page.goto("/");
  const bell = page.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveText("1");
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const group = page.getByRole("region", { name: title });
  const entry = group.getByTestId("notification");
  await expect(entry).toHaveCount(1);
  const link = entry.getByRole("link", { name: `${a.name} replied to your argument` });
  await expect(link).toHaveAttribute("href", focusPath);
  await expect(entry).toContainText("Sanctions cut the revenue");
  await expectNoSeriousViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(fits, "no horizontal scroll at 390 px").toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });

  await link.click();
  await expect(page).toHaveURL(new RegExp(`${focusPath}$`));
  await expect(page.getByRole("list", { name: "Rebuttals" })).toContainText("Revenue fell less than spending rose.");

  await page.goto("/notifications");
  await entry.getByRole("button", { name: /^Mark read: / }).click();
  await expect(entry.getByRole("button", { name: /^Mark read: / })).toHaveCount(0);
  await expect(page.getByText("Nothing unread.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // B switches replies off: A's next rebuttal leaves no notification.
  await page.getByRole("link", { name: "Choose what notifies you" }).click();
  await page.getByLabel("Replies and rebuttals to your arguments").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your notification choices are saved.")).toBeVisible();
  await expectNoSeriousViolations(page);
  await rebutter.getByRole("button", { name: "+ Add a rebuttal" }).click();
  await rebutter.getByLabel("Your rebuttal").fill("And the war economy grew anyway.");
  await rebutter.getByRole("button", { name: "Post" }).click();
  await expect(rebutter.getByRole("list", { name: "Rebuttals" }).getByTestId("argument")).toHaveCount(2);
  await page.goto("/notifications");
  await expect(page.getByText("Nothing unread.")).toBeVisible();
  await other.close();
});
