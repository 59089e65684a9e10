import { expect, test } from "@playwright/test";
import { startSmtpCapture } from "../tests/support/smtp-capture";
import { newMember, register } from "./support";

// The server mails to SMTP_URL, the port after E2E_PORT (playwright.config.ts): this spec listens there.
const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;

test.use({ storageState: { cookies: [], origins: [] } });

test("forgot password: the emailed link sets a new password once and signs every session out", async ({ page, browser }) => {
  const smtp = await startSmtpCapture({ port: SMTP_PORT });
  try {
    const member = await register(page, newMember());
    const elsewhere = await browser.newContext({ storageState: await page.context().storageState() });
    await page.context().clearCookies();

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.getByLabel("Email of your account").fill(member.email);
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account uses that email");

    await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(member.email)).length, { timeout: 15_000 }).toBe(1);
    const raw = smtp.received.find((mail) => mail.to.includes(member.email))!.raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
    const link = /http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_%-]+/.exec(raw)![0];

    // The link names the server's configured address (never the request's Host); its path and token are what count.
    const { pathname, search } = new URL(link);
    await page.goto(pathname + search);
    await page.getByLabel("New password").fill("a fresh e2e passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password was changed");

    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Password", { exact: true }).fill("a fresh e2e passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toHaveText(member.name);

    // The other browser's session ended with the reset.
    const other = await elsewhere.newPage();
    await other.goto("/settings/account");
    await expect(other).toHaveURL(/\/login/);
    await elsewhere.close();

    // Used once: the same link is refused, with a message.
    await page.goto(pathname + search);
    await page.getByLabel("New password").fill("a third passphrase here");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("alert")).toContainText("not valid");
  } finally {
    await smtp.close();
  }
});
