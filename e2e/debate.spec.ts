import { expect, test } from "@playwright/test";
import { createThesis, register } from "./support";

test("a member argues a thesis three levels deep, edits with history, and a signed-out visitor cannot post", async ({ page }) => {
  const member = await register(page);
  const title = await createThesis(page);
  await expect(page).toHaveURL(/\/t\/e2e-thesis-[a-z0-9-]+$/);
  const thesisUrl = page.url();

  // One argument for and one against.
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

  // A rebuttal (depth 2), then a rebuttal of the rebuttal (depth 3).
  const pro = forColumn.getByTestId("argument").first();
  await pro.getByRole("button", { name: "Reply" }).first().click();
  await pro.getByLabel("opposes it (rebuttal)").check();
  await pro.getByLabel("Your reply").fill("Those cities also had falling deaths before the ban.");
  await pro.getByRole("button", { name: "Post" }).click();
  const rebuttal = page.locator('[data-testid="argument"][data-depth="1"]');
  await expect(rebuttal).toHaveCount(1);
  await expect(rebuttal.getByText("Opposes", { exact: true })).toBeVisible();

  await rebuttal.getByRole("button", { name: "Reply" }).first().click();
  await rebuttal.getByLabel("opposes it (rebuttal)").check();
  await rebuttal.getByLabel("Your reply").fill("The decline *accelerated* after the ban, by twice the trend.");
  await rebuttal.getByRole("button", { name: "Post" }).click();
  const counter = page.locator('[data-testid="argument"][data-depth="2"]');
  await expect(counter).toHaveCount(1);
  await expect(counter).toContainText("accelerated");

  // Collapse and expand the branch from the keyboard.
  const toggle = pro.getByRole("button", { name: /Hide 2 replies/ });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(counter).toBeHidden();
  await expect(pro.getByRole("button", { name: /Show 2 replies/ })).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(counter).toBeVisible();

  // Edit the deepest reply and read its history.
  await counter.getByRole("button", { name: "Edit" }).click();
  await counter.getByLabel("Edit your argument").fill("The decline accelerated after the ban: from 2% a year to 5%.");
  await counter.getByRole("button", { name: "Save" }).click();
  await expect(counter).toContainText("from 2% a year to 5%");
  await counter.getByRole("link", { name: /edited/ }).click();
  await expect(page.getByRole("heading", { name: "Edit history" })).toBeVisible();
  const revisions = page.getByTestId("revision");
  await expect(revisions).toHaveCount(2);
  await expect(revisions.nth(0)).toContainText("Version 2");
  await expect(revisions.nth(0)).toContainText("from 2% a year to 5%");
  await expect(revisions.nth(1)).toContainText("Version 1");
  await expect(revisions.nth(1)).toContainText("by twice the trend");

  // The profile lists what the member wrote.
  await page.getByTestId("current-user").click();
  await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();

  // Signed out: the thread is readable but offers no way to post, and the API refuses.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(thesisUrl);
  await expect(page.getByTestId("argument")).toHaveCount(4);
  await expect(page.getByRole("button", { name: /Add an argument/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reply", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to reply" }).first()).toBeVisible();
  const slug = new URL(thesisUrl).pathname.split("/").pop();
  const refused = await page.request.post(`/api/v1/theses/${slug}/arguments`, {
    data: { stance: "PRO", body: "Sneaking in" },
  });
  expect(refused.status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId("argument")).toHaveCount(4);

  await page.goto("/t/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ft%2Fnew|\/login\?callbackUrl=\/t\/new/);
});

test("a permalink opens the thread scrolled to the argument, with its context", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Putin cannot accept a peace deal that secures Ukrainian statehood" }).click();
  const deepest = page.locator('[data-testid="argument"][data-depth="3"]').first();
  await deepest.getByRole("link", { name: "Permalink" }).first().click();
  await expect(page).toHaveURL(/\/a\/a[0-9a-f]+$/);
  const focused = page.locator('.argument-card[data-focused="true"]');
  await expect(focused).toBeInViewport();
  await expect(page.getByRole("navigation", { name: "Replying to" }).getByRole("listitem")).toHaveCount(3);
});

test("unknown or malformed addresses answer 404 with a clear page", async ({ page }) => {
  for (const path of ["/t/no-such-thesis-here", "/t/Not_A_Slug", "/u/nobody-by-this-handle", "/t/no-such-thesis-here/a/nope/history"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
