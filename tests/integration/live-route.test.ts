import { describe, expect, it, vi } from "vitest";

// Only the session is faked (signed out here); the route, the hub and the database are real.
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(null) };
});

import { GET as eventsRoute } from "@/app/api/v1/theses/[slug]/events/route";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

function open(slug: string, { after, lastEventId, signal }: { after?: string; lastEventId?: string; signal?: AbortSignal } = {}) {
  const request = new Request(`http://localhost/api/v1/theses/${slug}/events${after ? `?after=${after}` : ""}`, {
    headers: lastEventId ? { "last-event-id": lastEventId } : {},
    signal,
  });
  return eventsRoute(request, { params: Promise.resolve({ slug }) });
}

async function readUntil(response: Response, pattern: RegExp): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 5000;
  while (!pattern.test(text)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}; got:\n${text}`);
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`Stream ended; got:\n${text}`);
    text += decoder.decode(chunk.value);
  }
  reader.releaseLock();
  return text;
}

describe("GET /api/v1/theses/:slug/events", () => {
  it("streams text/event-stream from Last-Event-ID (over ?after=), and ends when the client goes away", async () => {
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const first = await makeArgument(author, { thesisId: thesis.id });
    const second = await makeArgument(author, { thesisId: thesis.id });

    const everything = await open(thesis.slug);
    expect(everything.status).toBe(200);
    expect(everything.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(everything.headers.get("cache-control")).toContain("no-transform");
    const all = await readUntil(everything, new RegExp(second.id));
    expect(all).toMatch(/^retry: \d+\n\n/);
    const firstId = new RegExp(`id: (\\d+)\\nevent: argument\\ndata: \\{"id":"${first.id}"`).exec(all)![1]!;
    await everything.body!.cancel();

    // The browser's reconnect sends Last-Event-ID; it wins over the page's ?after=.
    const controller = new AbortController();
    const resumed = await open(thesis.slug, { after: "0", lastEventId: firstId, signal: controller.signal });
    const text = await readUntil(resumed, new RegExp(second.id));
    expect(text).not.toContain(first.id);
    controller.abort();
    await expect(resumed.body!.getReader().read()).resolves.toMatchObject({ done: true });
  });

  it("refuses a malformed event id with 422 and an unknown thesis with 404", async () => {
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const bad = await open(thesis.slug, { lastEventId: "12abc" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("whole number") });
    expect((await open("no-such-thesis-here")).status).toBe(404);
  });
});
