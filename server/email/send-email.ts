import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

/**
 * The one way Agora sends mail. Mail is optional: without `SMTP_URL` nothing is sent and callers carry on,
 * so a fresh clone works with no mail server. `SMTP_FROM` sets the sender.
 */
export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

let cached: { url: string; transport: Transporter } | undefined;

export function isEmailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

function transport(): Transporter | undefined {
  const url = process.env.SMTP_URL;
  if (!url) return undefined;
  // Tests point SMTP_URL at servers they start and stop, so the transport follows the variable.
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

/** Sends one message; answers false (and sends nothing) when mail is not configured. */
export async function sendEmail(message: OutgoingEmail): Promise<boolean> {
  const mailer = transport();
  if (!mailer) return false;
  await mailer.sendMail({
    from: process.env.SMTP_FROM ?? "Agora <no-reply@agora.invalid>",
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
  });
  return true;
}
