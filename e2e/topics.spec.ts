import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, register } from "./support";

test("a thesis opened with a new topic is found on the topic's page and through the home page's topic filter", async ({ page }) => {
  await register(page);
  const tag = randomUUID().slice(0, 8);
  const title = `E2E topical thesis ${tag}`;
  const topic = `Energy security ${tag}`;
  const slug = `energy-security-${tag}`;
  await page.goto("/t/new");
  await page.getByLabel("Thesis").fill(title);
  await page.getByLabel(/^(Other topics|Topics)$/).fill(`${topic}, x`);
  await page.getByRole("button", { name: "Open thesis" }).click();
  // A one-letter topic is refused with a field message, and nothing is opened.
  await expect(page.getByText("Topic names need at least 2 characters.")).toBeVisible();
  await page.getByLabel(/^(Other topics|Topics)$/).fill(topic);
  await page.getByRole("button", { name: "Open thesis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Its owner files it under one more topic.
  await page.getByRole("button", { name: "Edit topics" }).click();
  await page.getByLabel("Other topics").fill(`Grid stability ${tag}`);
  await page.getByRole("button", { name: "Save topics" }).click();
  await expect(page.getByRole("list", { name: "Topics" }).getByRole("link", { name: `Grid stability ${tag}` })).toBeVisible();

  await page.getByRole("list", { name: "Topics" }).getByRole("link", { name: topic }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  await expect(page.getByTestId("thesis-item")).toHaveCount(1);
  await expect(page.getByTestId("thesis-item").getByRole("link", { name: title })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/topics");
  await expect(page.getByRole("link", { name: topic })).toBeVisible();

  // The home page filtered by the topic (the filter form's address) lists only it, in every order.
  await page.goto(`/?topic=${slug}&sort=contested`);
  await expect(page.getByLabel("Topic", { exact: true })).toHaveValue(slug);
  await expect(page.getByTestId("thesis-item")).toHaveCount(1);
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]topic=${slug}`));
  await expect(page.getByTestId("thesis-item").getByRole("link", { name: title })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the composer shows an argument that already says what the member is typing", async ({ page }) => {
  await register(page);
  await page.goto("/t/new");
  await page.getByLabel("Thesis").fill(`E2E duplicate check ${randomUUID().slice(0, 8)}`);
  await page.getByRole("button", { name: "Open thesis" }).click();
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  const original = "Sanctions have badly hurt the Russian economy: growth stalled and inflation rose sharply.";
  await page.getByLabel("Your argument for the thesis").fill(original);
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("list", { name: "Arguments for" }).getByTestId("argument")).toHaveCount(1);

  await page.getByRole("button", { name: "+ Add an argument against" }).click();
  const box = page.getByLabel("Your argument against the thesis");
  await box.pressSequentially("Sanctions hurt Russia's economy");
  const suggestions = page.getByTestId("similar-arguments");
  await expect(suggestions).toBeVisible();
  const link = suggestions.getByRole("link", { name: /Sanctions have badly hurt the Russian economy/ });
  await expect(link).toHaveAttribute("href", /\/t\/e2e-duplicate-check-[a-z0-9-]+\/a\/a[0-9a-f]+$/);
  await expectNoSeriousViolations(page);

  // Too short to compare: the suggestions go away.
  await box.fill("Sanctions");
  await expect(suggestions).toBeHidden();
});
