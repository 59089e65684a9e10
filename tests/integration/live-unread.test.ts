import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { unreadCountStream } from "@/server/notifications/unread-stream";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

/** Reads SSE messages of one kind from a stream, one at a time. */
function messages(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return async function next(): Promise<{ unread: number }> {
    for (;;) {
      const match = /event: unread\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return JSON.parse(match[1]!) as { unread: number };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += decoder.decode(value);
    }
  };
}

describe("the live unread count (GET /api/v1/notifications/events)", () => {
  it("sends the count on connect and again when a reply notifies the member, and nothing for a rolled-back one", async () => {
    const [author, replier] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id, body: "An argument to be answered." });
    const abort = new AbortController();
    const next = messages(unreadCountStream({ userId: author.id, signal: abort.signal }));
    try {
      expect(await next()).toEqual({ unread: 0 });

      // A notification written in a transaction that rolls back signals nothing (NOTIFY is transactional).
      await db
        .$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_notify('agora_unread', ${author.id})`;
          throw new Error("rolled back");
        })
        .catch(() => {});

      await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id, stance: "CON", body: "A rebuttal." });
      expect(await next()).toEqual({ unread: 1 });
      // A second reply is grouped with the first (one unread row), and the count is sent again, unchanged.
      await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id, stance: "PRO", body: "A supporting reply." });
      expect(await next()).toEqual({ unread: 1 });
    } finally {
      abort.abort();
    }
  });
});
