import { describe, expect, it, vi } from "vitest";

// A pool of two connections that are given up on after a second: a burst of writes by one member must queue, and
// what cannot get a connection in time is told to come back (503 + Retry-After), never a 500.
vi.hoisted(() => {
  process.env.AGORA_DB_POOL_MAX = "2";
  process.env.AGORA_DB_POOL_WAIT_MS = "1000";
  process.env.AGORA_RATE_LIMITS = "off";
});
vi.mock("@/auth", async () => (await import("../support/api-routes")).sessionAuth());

import { db } from "@/server/db";
import { apiRoutes, callRoute, findRoute } from "../support/api-routes";
import { makeUser } from "../support/factories";

describe("a full connection pool", () => {
  it("answers 503 with Retry-After, never 500, and every 201 is a stored thesis", async () => {
    const member = await makeUser();
    const post = findRoute(await apiRoutes(), "POST", "/theses");
    // Both connections held for longer than a request may wait, whatever the machine's speed: the burst that starts
    // meanwhile cannot all be served in time.
    const holders = Array.from({ length: 2 }, () => db.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(1.5)`, { timeout: 10_000 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => callRoute(post, { as: member.id, body: { title: `Burst ${i}` } })),
    );
    await Promise.all(holders);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) {
      expect(answer.headers.get("retry-after")).toBe("1");
      expect((await answer.json()).error.code).toBe("SERVICE_UNAVAILABLE");
    }
    expect(await db.thesis.count({ where: { authorId: member.id } })).toBe(statuses.filter((s) => s === 201).length);
  });
});
