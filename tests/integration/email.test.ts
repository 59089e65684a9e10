import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEmailConfigured, sendEmail } from "@/server/email/send-email";
import { startSmtpCapture } from "../support/smtp-capture";

describe("sendEmail", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  const previous = process.env.SMTP_URL;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
    await smtp.close();
  });

  it("sends nothing and answers false without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    expect(isEmailConfigured()).toBe(false);
    expect(await sendEmail({ to: "a@example.org", subject: "x", text: "y" })).toBe(false);
    expect(smtp.received).toHaveLength(0);
  });

  it("delivers through the server SMTP_URL names", async () => {
    process.env.SMTP_URL = smtp.url;
    expect(await sendEmail({ to: "reader@example.org", subject: "Hello", text: "Body text" })).toBe(true);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["reader@example.org"]);
    expect(smtp.received[0]!.raw).toContain("Subject: Hello");
    expect(smtp.received[0]!.raw).toContain("Body text");
  });
});
