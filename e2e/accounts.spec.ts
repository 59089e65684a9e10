import { expect, test } from "@playwright/test";
import { newMember, register } from "./support";

test("registration explains every refusal and keeps what was typed", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Display name").fill("A");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Display names need at least 2 characters.")).toBeVisible();
  await expect(page.getByText("Passwords need at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("a taken email and a taken display name are refused; wrong credentials say so", async ({ browser }) => {
  const first = await browser.newPage();
  const member = await register(first);
  await first.close();

  const page = await browser.newPage();
  await page.goto("/register");
  await page.getByLabel("Email").fill(member.email.toUpperCase());
  await page.getByLabel("Display name").fill(`${newMember().name}`);
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead?")).toBeVisible();
  // The refusal is announced once, by the field it is about.
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toHaveCount(1);

  await page.getByLabel("Email").fill(newMember().email);
  await page.getByLabel("Display name").fill(member.name.toLowerCase());
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That display name is taken. Try another.")).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(member.name);
  await page.close();
});
