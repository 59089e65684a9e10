import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export type CapturedEmail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on a free local port that keeps every message it receives, so tests check what
 * Agora actually put on the wire. `url` is what SMTP_URL should be set to. A fixed `port` is for a server started
 * before the test (the e2e server's SMTP_URL, see playwright.config.ts).
 */
export async function startSmtpCapture({ port: listenPort = 0 }: { port?: number } = {}) {
  const received: CapturedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
