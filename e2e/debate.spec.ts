import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SEEDED_THESIS, createThesis, expectNoSeriousViolations, register, SEEDED_TOPIC } from "./support";

test("a member argues a thesis three levels deep through focus views, edits with history, and a signed-out visitor cannot post", async ({ page }) => {
  const member = await register(page);
  const title = await createThesis(page);
  await expect(page).toHaveURL(/\/t\/e2e-thesis-[a-z0-9-]+$/);
  const thesisUrl = page.url();

  // One argument for and one against: each card comes back in the action's answer, without a reload.
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  await page.getByLabel("Your argument for the thesis").fill("Cities that removed cars saw **fewer deaths**.");
  await page.getByRole("button", { name: "Post" }).click();
  const forColumn = page.getByRole("list", { name: "Arguments for" });
  await expect(forColumn.getByTestId("argument")).toHaveCount(1);
  await expect(forColumn.locator("strong", { hasText: "fewer deaths" })).toBeVisible();

  await page.getByRole("button", { name: "+ Add an argument against" }).click();
  await page.getByLabel("Your argument against the thesis").fill("Deliveries and emergency access need roads.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("list", { name: "Arguments against" }).getByTestId("argument")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "For (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Against (1)" })).toBeVisible();

  // Opening the card (a click on it) makes it the focus: breadcrumb, the argument in full, its two sides.
  await forColumn.getByTestId("argument").first().locator(".prose-argument").click();
  await expect(page).toHaveURL(/\/a\/a[0-9a-f]+$/);
  const focusUrl = page.url();
  await expect(page.getByRole("navigation", { name: "Path from the thesis" })).toContainText(title);
  await expect(page.getByRole("heading", { name: "Rebuttals (0)" })).toBeVisible();
  await page.getByRole("button", { name: "+ Add a rebuttal" }).click();
  await page.getByLabel("Your rebuttal").fill("Those cities also had falling deaths before the ban.");
  await page.getByRole("button", { name: "Post" }).click();
  const rebuttal = page.getByRole("list", { name: "Rebuttals" }).getByTestId("argument");
  await expect(rebuttal).toHaveCount(1);
  await expect(rebuttal).toHaveAttribute("data-depth", "1");
  await expect(rebuttal.getByText("Opposes", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rebuttals (1)" })).toBeVisible();

  // By keyboard: the rebuttal's permalink opens it as the focus; the path grows by one.
  await rebuttal.getByRole("link", { name: /^Permalink/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.href !== focusUrl && /\/a\/a[0-9a-f]+$/.test(url.pathname));
  const rebuttalUrl = page.url();
  await expect(page.getByTestId("breadcrumb-ancestor")).toHaveCount(1);
  await page.getByRole("button", { name: "+ Add a rebuttal" }).click();
  await page.getByLabel("Your rebuttal").fill("The decline *accelerated* after the ban, by twice the trend.");
  await page.getByRole("button", { name: "Post" }).click();
  const counter = page.locator('[data-testid="argument"][data-depth="2"]');
  await expect(counter).toHaveCount(1);
  await expect(counter).toContainText("accelerated");

  // Back and Forward move between focuses.
  await page.goBack();
  await expect(page).toHaveURL(focusUrl);
  await expect(page.getByRole("list", { name: "Rebuttals" }).getByTestId("argument")).toHaveCount(1);
  await page.goForward();
  await expect(page).toHaveURL(rebuttalUrl);
  await expect(counter).toContainText("accelerated");

  // Edit the deepest reply in place, then read its history.
  await counter.getByRole("button", { name: "Edit" }).click();
  await counter.getByLabel("Edit your argument").fill("The decline accelerated after the ban: from 2% a year to 5%.");
  await counter.getByRole("button", { name: "Save" }).click();
  // Saved once the form has closed and the body shown is the action's answer (a controlled textarea's own text
  // would satisfy a check on the whole card before the save is in).
  await expect(counter.getByLabel("Edit your argument")).toHaveCount(0);
  await expect(counter.locator(".prose-argument")).toContainText("from 2% a year to 5%");
  await expect(counter.getByRole("link", { name: /edited/ })).toBeVisible();
  await page.reload();
  await counter.getByRole("link", { name: /edited/ }).click();
  await expect(page.getByRole("heading", { name: "Edit history" })).toBeVisible();
  const revisions = page.getByTestId("revision");
  await expect(revisions).toHaveCount(2);
  await expect(revisions.nth(0)).toContainText("Version 2");
  // Read as words, not "Version 2current": flex items drop the spaces between them.
  await expect(revisions.nth(0).getByRole("heading", { level: 2 })).toHaveAccessibleName(/^Version 2\s*,\s*current\s*,\s*(minor edit\s*,\s*)?by /);
  await expect(revisions.nth(0)).toContainText("from 2% a year to 5%");
  await expect(revisions.nth(1)).toContainText("Version 1");
  await expect(revisions.nth(1)).toContainText("by twice the trend");

  // The profile lists what the member wrote.
  await page.getByTestId("current-user").click();
  await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();

  // Signed out: the debate is readable but offers no way to post, and the API refuses.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(thesisUrl);
  await expect(page.getByTestId("argument")).toHaveCount(2);
  await expect(page.getByRole("button", { name: /Add an argument/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reply", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to reply" }).first()).toBeVisible();
  const slug = new URL(thesisUrl).pathname.split("/").pop();
  const refused = await page.request.post(`/api/v1/theses/${slug}/arguments`, { data: { stance: "PRO", body: "Sneaking in" } });
  expect(refused.status()).toBe(401);

  await page.goto("/t/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ft%2Fnew|\/login\?callbackUrl=\/t\/new/);
});

test("a deep permalink shows the path from the thesis, and each step of the path is a focus", async ({ page }) => {
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: SEEDED_THESIS }).click();
  // Follow reply counts down three levels, by mouse.
  for (let depth = 1; depth <= 3; depth++) {
    const withReplies = page.getByTestId("reply-count").filter({ hasText: /^\d+ repl/ }).first();
    await withReplies.click();
    await expect(page.locator(`[data-testid="argument"][data-depth="${depth}"]`).first()).toBeVisible();
  }
  await expect(page.getByTestId("breadcrumb-ancestor")).toHaveCount(2);
  const focused = page.locator('.argument-card[data-focused="true"]');
  await expect(focused).toBeInViewport();
  // The first step of the path, by keyboard.
  await page.getByTestId("breadcrumb-ancestor").first().getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("breadcrumb-ancestor")).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId("breadcrumb-ancestor")).toHaveCount(2);
  await expectNoSeriousViolations(page);
});

/** A thesis with `count` arguments for it (and one against), made through the API. */
async function crowdedThesis(page: Page, count: number) {
  const created = await page.request.post("/api/v1/theses", { data: { title: `Crowded ${randomUUID().slice(0, 8)}` } });
  const { thesis } = await created.json();
  for (let i = 0; i < count; i++) {
    const response = await page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "PRO", body: `Argument number ${i + 1} for it.` } });
    expect(response.status()).toBe(201);
  }
  await page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "CON", body: "The only argument against." } });
  return thesis.slug as string;
}

test("Show more loads the next page in place with JavaScript, and by links without it", async ({ page, browser }) => {
  await register(page);
  const slug = await crowdedThesis(page, 13);
  await page.goto(`/t/${slug}`);
  const forList = page.getByRole("list", { name: "Arguments for" }).getByTestId("argument");
  await expect(forList).toHaveCount(10);
  await page.getByRole("link", { name: "Show more arguments for" }).click();
  await expect(forList).toHaveCount(13);
  await expect(page).toHaveURL(`/t/${slug}`);
  await expect(page.getByRole("link", { name: "Show more arguments for" })).toHaveCount(0);
  // Oldest first among unvoted arguments, with no repeats across pages.
  const bodies = await forList.locator(".prose-argument").allTextContents();
  expect(bodies.map((b) => b.trim())).toEqual(Array.from({ length: 13 }, (_, i) => `Argument number ${i + 1} for it.`));

  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const plain = await noScript.newPage();
  await plain.goto(`/t/${slug}`);
  const plainList = plain.getByRole("list", { name: "Arguments for" }).getByTestId("argument");
  await expect(plainList).toHaveCount(10);
  await plain.getByRole("link", { name: "Show more arguments for" }).click();
  await expect(plain).toHaveURL(/\?pro=[A-Za-z0-9_-]+/);
  await expect(plainList).toHaveCount(3);
  await expect(plainList.first()).toContainText("Argument number 11 for it.");
  // The other side stays on its first page.
  await expect(plain.getByRole("list", { name: "Arguments against" }).getByTestId("argument")).toHaveCount(1);
  await plain.getByRole("link", { name: "Back to the first arguments for" }).click();
  await expect(plainList).toHaveCount(10);
  // A damaged cursor shows the first page with a notice.
  await plain.goto(`/t/${slug}?pro=not-a-cursor`);
  await expect(plain.getByTestId("page-notice")).toContainText("first page");
  await expect(plainList).toHaveCount(10);
  await noScript.close();
});

test("outline mode opens levels on demand and keeps what is open in the address", async ({ page }) => {
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: SEEDED_THESIS }).click();
  await page.getByRole("link", { name: "Read as an outline" }).click();
  const items = page.getByTestId("outline-item");
  await expect(items).toHaveCount(7);
  await expect(page.locator('[data-testid="outline-item"][data-depth="1"]')).toHaveCount(0);
  const toggle = page.getByTestId("outline-toggle").first();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/open=a[0-9a-f]+/);
  await expect(page.locator('[data-testid="outline-item"][data-depth="1"]').first()).toBeVisible();
  const opened = await page.locator('[data-testid="outline-item"][data-depth="1"]').count();
  expect(opened).toBeGreaterThan(0);
  await page.reload();
  await expect(page.locator('[data-testid="outline-item"][data-depth="1"]')).toHaveCount(opened);
  await expect(page.getByTestId("outline-toggle").first()).toHaveAttribute("aria-expanded", "true");
  await page.getByTestId("outline-toggle").first().click();
  await expect(page.locator('[data-testid="outline-item"][data-depth="1"]')).toHaveCount(0);
  await expectNoSeriousViolations(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("For and Against are two tabs with their counts", async ({ page }) => {
    await page.goto(SEEDED_TOPIC);
    await page.getByRole("link", { name: SEEDED_THESIS }).click();
    const tabs = page.getByRole("tablist", { name: "Sides" });
    await expect(tabs.getByRole("tab", { name: "For (3)" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("list", { name: "Arguments for" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Arguments against" })).toBeHidden();
    await tabs.getByRole("tab", { name: "Against (4)" }).click();
    await expect(page.getByRole("list", { name: "Arguments against" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Arguments for" })).toBeHidden();
    await expect(page).toHaveURL(/\?tab=con$/);
    // The address opens the same tab.
    await page.reload();
    await expect(page.getByRole("list", { name: "Arguments against" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test("unknown or malformed addresses answer 404 with a clear page", async ({ page }) => {
  for (const path of ["/t/no-such-thesis-here", "/t/Not_A_Slug", "/u/nobody-by-this-handle", "/t/no-such-thesis-here/a/nope/history", "/t/no-such-thesis-here/outline"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: SEEDED_THESIS }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/").pop();
  for (const path of [`/t/${slug}/a/nope`, `/t/${slug}/a/${"x".repeat(80)}`, `/t/${slug}/outline?root=nope`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const api = await page.request.get(`/api/v1/theses/${slug}?con=not-a-cursor`);
  expect(api.status()).toBe(422);
  expect((await page.request.get(`/api/v1/theses/${slug}?sort=loudest`)).status()).toBe(422);
});
