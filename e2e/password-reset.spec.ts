import { expect, test } from "@playwright/test";
import { startSmtpCapture } from "../tests/support/smtp-capture";
import { newMember, register } from "./support";

// The server mails to SMTP_URL, the port after E2E_PORT (playwright.config.ts): this spec listens there.
const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;

test.use({ storageState: { cookies: [], origins: [] } });

test("forgot password: the emailed link sets a new password once and signs every session out", async ({ page, browser }) => {
  const smtp = await startSmtpCapture({ port: SMTP_PORT });
  try {
    // Registered (and signed in) in one browser; the reset happens in another, signed out.
    const member = await register(page, newMember());
    const context = await browser.newContext();
    const other = await context.newPage();

    await other.goto("/login");
    await other.getByRole("link", { name: "Forgot password?" }).click();
    await other.getByLabel("Email of your account").fill(member.email);
    await other.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(other.getByRole("status")).toContainText("If an account uses that email");

    await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(member.email)).length, { timeout: 15_000 }).toBe(1);
    const raw = smtp.received.find((mail) => mail.to.includes(member.email))!.raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
    const link = /http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_%-]+/.exec(raw)![0];

    // The link names the server's configured address (never the request's Host); its path and token are what count.
    const { pathname, search } = new URL(link);
    await other.goto(pathname + search);
    await other.getByLabel("New password").fill("a fresh e2e passphrase");
    await other.getByRole("button", { name: "Set new password" }).click();
    await expect(other.getByRole("status")).toContainText("Your password was changed");

    await other.getByLabel("Email").fill(member.email);
    await other.getByLabel("Password", { exact: true }).fill("a fresh e2e passphrase");
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByTestId("current-user")).toHaveText(member.name);

    // The first browser's session ended with the reset.
    await page.goto("/settings/account");
    await expect(page).toHaveURL(/\/login/);

    // Used once: the same link is refused, with a message.
    await other.goto(pathname + search);
    await other.getByLabel("New password").fill("a third passphrase here");
    await other.getByRole("button", { name: "Set new password" }).click();
    await expect(other.getByText(/This reset link is not valid/)).toBeVisible();
    await context.close();
  } finally {
    await smtp.close();
  }
});
