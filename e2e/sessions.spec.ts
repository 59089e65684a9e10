import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { register } from "./support";

// Every test signs its own members in: a shared session would be ended by these tests.
test.use({ storageState: { cookies: [], origins: [] } });

/** A second browser holding a copy of `page`'s cookies, as someone who stole them would. */
async function copyOf(browser: Browser, page: Page) {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  return context.newPage();
}

async function expectSignedIn(page: Page, name: string) {
  await page.goto("/settings/account");
  await expect(page.getByTestId("current-user")).toHaveText(name);
}

/** Refused on pages and by the API alike: no reads as the member, no writes. */
async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  const write = await page.request.post("/api/v1/theses", { data: { title: `Stolen session ${randomUUID().slice(0, 6)}` } });
  expect(write.status()).toBe(401);
  const tokens = await page.request.get("/api/v1/tokens");
  expect(tokens.status()).toBe(401);
}

test("a copied session cookie is refused once its owner signs out", async ({ page, browser }) => {
  const member = await register(page);
  const thief = await copyOf(browser, page);
  await expectSignedIn(thief, member.name);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await expectSignedOut(thief);
  await thief.context().close();
});

test("'Sign out everywhere' ends every session, copied cookies included", async ({ page, browser }) => {
  const member = await register(page);
  const thief = await copyOf(browser, page);
  const laptop = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await laptop.goto("/login");
  await laptop.getByLabel("Email").fill(member.email);
  await laptop.getByLabel("Password").fill(member.password);
  await laptop.getByRole("button", { name: "Sign in" }).click();
  await expect(laptop.getByTestId("current-user")).toHaveText(member.name);

  await page.goto("/settings/account");
  await expect(page.getByText("You are signed in in 2 browsers.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);

  await expectSignedOut(thief);
  await expectSignedOut(laptop);
  await expectSignedOut(page);
  await thief.context().close();
  await laptop.context().close();
});

test("changing the password needs the current one and ends the other sessions, not this one", async ({ page, browser }) => {
  const member = await register(page);
  const other = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(member.email);
  await other.getByLabel("Password").fill(member.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("current-user")).toHaveText(member.name);

  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.").first()).toBeVisible();

  await page.getByLabel("Current password").fill(member.password);
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. 1 other session was signed out.")).toBeVisible();

  await expectSignedOut(other);
  await expectSignedIn(page, member.name);

  await other.goto("/login");
  await other.getByLabel("Email").fill(member.email);
  await other.getByLabel("Password").fill("a brand new password");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("current-user")).toHaveText(member.name);
  await other.context().close();
});

/** Signs in through Auth.js's own endpoint; answers where it redirects (the code says why a sign-in failed). */
async function signInOverHttp(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken }, headers, maxRedirects: 0 });
  return answer.headers()["location"] ?? "";
}

test("guesses sent with the member's address forged in X-Forwarded-For do not lock the member out", async ({ page, playwright, baseURL }) => {
  const member = await register(page);
  const port = new URL(baseURL!).port;
  // Two real client addresses: the attacker connects over IPv4 loopback, the member over IPv6 loopback.
  const attacker = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const owner = await playwright.request.newContext({ baseURL: `http://[::1]:${port}` });
  const outcomes = [];
  for (let i = 0; i < 7; i++) {
    outcomes.push(await signInOverHttp(attacker, member.email, `wrong guess ${i}`, { "X-Forwarded-For": i % 2 ? "::1" : `203.0.113.${i}` }));
  }
  expect(outcomes.slice(0, 5).every((location) => location.includes("code=invalid_credentials"))).toBe(true);
  // Throttled by the socket address, whatever the header claimed.
  expect(outcomes.slice(5).every((location) => location.includes("code=too_many_attempts"))).toBe(true);
  expect(await signInOverHttp(owner, member.email, member.password)).not.toContain("error=");
  await attacker.dispose();
  await owner.dispose();
});
