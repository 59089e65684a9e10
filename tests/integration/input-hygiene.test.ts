import { describe, expect, it, vi } from "vitest";

vi.mock("@/auth", async () => (await import("../support/api-routes")).sessionAuth());

import { db } from "@/server/db";
import { extractArticle } from "@/server/sources/extract-article";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/validation/primitives";
import { apiRoutes, callRoute, findRoute, type Method } from "../support/api-routes";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember, makeSource } from "../support/moderation-fixtures";

/** The inputs that used to reach a 500 (issue 12), each now a clear 4xx that writes nothing. */
describe("input hygiene at the edge", async () => {
  const routes = await apiRoutes();
  const call = (method: Method, path: string, options: Parameters<typeof callRoute>[1]) => callRoute(findRoute(routes, method, path), options);

  it("refuses NUL and other control characters in every text field with a field message", async () => {
    const member = await makeUser();
    const thesis = await makeThesis(member);
    const argument = await makeArgument(member, { thesisId: thesis.id });
    const cases: [Method, string, Record<string, string>, object, string][] = [
      ["POST", "/theses", {}, { title: "Nul\u0000title" }, "title"],
      ["POST", "/theses", {}, { title: "Fine", body: "Bell\u0007" }, "body"],
      ["POST", "/theses/{slug}/arguments", { slug: thesis.slug }, { stance: "PRO", body: "a\u0000b" }, "body"],
      ["PATCH", "/arguments/{id}", { id: argument.id }, { body: "a\u0000b" }, "body"],
      ["POST", "/tokens", {}, { name: "bot\u0000" }, "name"],
      ["POST", "/flags", {}, { targetType: "ARGUMENT", targetId: argument.id, reason: "OTHER", details: "why\u0000" }, "details"],
      ["POST", "/sources", {}, { title: "T\u001b", text: "Twenty characters of pasted text." }, "title"],
      ["POST", "/sources", {}, { title: "T", text: "Twenty characters of \u0000 pasted text." }, "text"],
    ];
    for (const [method, path, params, body, field] of cases) {
      const response = await call(method, path, { as: member.id, params, body });
      expect({ path, field, status: response.status }).toEqual({ path, field, status: 422 });
      expect((await response.json()).error.fields[field]).toContain(CONTROL_CHARACTER_MESSAGE);
    }
    expect(await db.thesis.count({ where: { authorId: member.id } })).toBe(1);
    expect(await db.argument.count({ where: { authorId: member.id } })).toBe(1);
    expect(await db.flag.count({ where: { reporterId: member.id } })).toBe(0);
  });

  it("stores a fetched page without its control characters", () => {
    const paragraph = "A sentence long enough for the reader view to keep it as the article's text.\u0000 ";
    const html = `<html><head><title>Nul\u0000 page</title></head><body><article><h1>Title</h1><p>${paragraph.repeat(12)}</p></article></body></html>`;
    const article = extractArticle(html, "https://example.test/page");
    expect(article).not.toBeNull();
    expect(article!.text).toContain("A sentence long enough");
    expect(`${article!.title}${article!.text}`).not.toMatch(/[\u0000-\u0008]/);
  });

  it("answers %00 and other malformed ids in the path with 404", async () => {
    const member = await makeUser();
    const source = await makeSource(member.id);
    for (const [method, path, body] of [
      ["PATCH", "/arguments/{id}", { body: "An edit." }],
      ["GET", "/arguments/{id}/revisions", undefined],
      ["POST", "/sources/{id}/quotes", { exact: "quick brown fox" }],
      ["PUT", "/arguments/{id}/vote", { value: 1 }],
    ] as const) {
      for (const id of ["\u0000", "a\u0000", "../x", "x".repeat(65)]) {
        const response = await call(method, path, { as: member.id, params: { id }, body });
        expect({ path, id, status: response.status }).toEqual({ path, id, status: 404 });
        expect((await response.json()).error.code).toBe("NOT_FOUND");
      }
    }
    expect(await db.quote.count({ where: { sourceId: source.id } })).toBe(0);
  });

  it("bounds the moderation log's `before` to a PostgreSQL integer", async () => {
    const thesis = await makeThesis(await makeUser());
    for (const before of ["2147483648", "1e400", "-1", "0", "1.5", "abc"]) {
      const response = await call("GET", "/moderation/log", { query: { thesis: thesis.slug, before } });
      expect({ before, status: response.status }).toEqual({ before, status: 422 });
      expect((await response.json()).error.fields.before[0]).toMatch(/whole number from 1 to 2147483647/);
    }
    expect((await call("GET", "/moderation/log", { query: { thesis: thesis.slug, before: "2147483647" } })).status).toBe(200);
  });

  it("bounds every body: 16 KB for ordinary writes, 1 MB for a pasted source", async () => {
    const member = await makeUser();
    const big = await call("POST", "/theses", { as: member.id, body: { title: "x", pad: "y".repeat(17 * 1024) } });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const pasted = await call("POST", "/sources", { as: member.id, body: { title: "A long paste", text: "word ".repeat(39_000) } });
    expect(pasted.status).toBe(201);
    const tooBig = await call("POST", "/sources", { as: member.id, body: { title: "Too long", text: "word ".repeat(220_000) } });
    expect(tooBig.status).toBe(413);
    expect(await db.thesis.count({ where: { authorId: member.id } })).toBe(0);
    expect(await db.source.count({ where: { addedById: member.id } })).toBe(1);
  });

  it("refuses cookie-authenticated writes from another site's page, but not API tokens or the site itself", async () => {
    const member = await makeMember();
    const evil = await call("POST", "/theses", { as: member.id, body: { title: "Forged" }, headers: { origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe("CROSS_SITE_REQUEST");
    const nullOrigin = await call("POST", "/theses", { as: member.id, body: { title: "Forged" }, headers: { origin: "null" } });
    expect(nullOrigin.status).toBe(403);
    const own = await call("POST", "/theses", { as: member.id, body: { title: "Own site" }, headers: { origin: "http://agora.test" } });
    expect(own.status).toBe(201);
    // Under `next start` the handler's request.url names the server's configured host (localhost), not the one
    // the browser used: the Host header is what the page's Origin must match.
    const viaAddress = await call("POST", "/theses", { as: member.id, body: { title: "Own site by address" }, headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" } });
    expect(viaAddress.status).toBe(201);
    expect(await db.thesis.count({ where: { authorId: member.id } })).toBe(2);
  });
});
