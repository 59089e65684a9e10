import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SEEDED_THESIS, expectNoSeriousViolations, register } from "./support";

// Every test registers its own member: tokens and votes never leak between tests.
test.use({ storageState: { cookies: [], origins: [] } });

/** An argument of the seeded demo debate: written by a demo member, never by the member under test. */
async function seededArgumentId(request: APIRequestContext): Promise<string> {
  // Its topic, so that the theses other specs open meanwhile never push it off the first page.
  const { theses } = await (await request.get("/api/v1/theses?topic=russia-ukraine-war")).json();
  const seeded = theses.find((t: { title: string }) => t.title === SEEDED_THESIS);
  const { arguments: sides } = await (await request.get(`/api/v1/theses/${seeded.slug}`)).json();
  return sides.PRO.items[0].id;
}

async function createToken(page: Page, name: string): Promise<string> {
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByLabel(`Secret of "${name}"`);
  await expect(secretField).toBeFocused();
  await expect(page.getByText("It will not be shown again")).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^agora_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText(`curl -H "Authorization: Bearer ${secret}"`)).toBeVisible();
  return secret;
}

test("a member creates a token, votes with it through the API, revokes it, and the token stops working", async ({ page, playwright, baseURL }) => {
  await page.goto("/settings/tokens");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Ftokens|\/login\?callbackUrl=\/settings\/tokens/);
  await register(page);
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();

  const secret = await createToken(page, "e2e vote bot");
  const row = page.getByTestId("api-token-row").filter({ hasText: "e2e vote bot" });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");

  // Only the token authenticates this context: no cookies.
  const api = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const argumentId = await seededArgumentId(api);
  const vote = await api.put(`/api/v1/arguments/${argumentId}/vote`, { data: { value: 1 } });
  expect(vote.status()).toBe(200);
  expect((await vote.json()).vote).toMatchObject({ argumentId, value: 1 });
  await page.reload();
  await expect(row).not.toContainText("Never");

  // Revoke from the keyboard, through the confirmation step.
  await row.getByRole("button", { name: "Revoke e2e vote bot" }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("button", { name: "Yes, revoke" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(row.getByRole("button", { name: "Revoke e2e vote bot" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("button", { name: "Yes, revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toHaveText(/Revoked: requests with this token are now refused/);
  await expect(row).toContainText(/Revoked\s/);

  const refused = await api.put(`/api/v1/arguments/${argumentId}/vote`, { data: { value: 1 } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({ code: "UNAUTHORIZED", message: "This API token is not valid or was revoked." });
  await api.dispose();
});

test("the API tokens page, with a new secret shown and a confirmation open, has no serious axe violations", async ({ page }) => {
  await register(page);
  await page.goto("/settings/tokens");
  await expectNoSeriousViolations(page);
  await createToken(page, "axe check");
  await page.getByRole("button", { name: "Revoke axe check" }).click();
  await expect(page.getByRole("button", { name: "Yes, revoke" })).toBeVisible();
  await expectNoSeriousViolations(page);
});
