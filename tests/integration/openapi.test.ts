import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { compileErrors, validate } from "@readme/openapi-parser";

vi.mock("@/auth", async () => (await import("../support/api-routes")).sessionAuth());

import { openApiDocument } from "@/server/api/openapi";
import { apiRoutes, callRoute, findRoute, type ApiRoute, type Call, type Method } from "../support/api-routes";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

type Doc = ReturnType<typeof openApiDocument>;
const doc = openApiDocument() as Doc & { paths: Record<string, Record<string, { responses: Record<string, { content: { "application/json": { schema: object } } }> }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

let routes: ApiRoute[];
beforeAll(async () => {
  routes = await apiRoutes();
});

/** Validates a real answer against the document's schema for that route and status; returns its body. */
async function expectDocumented(route: ApiRoute, response: Response): Promise<unknown> {
  const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
  expect(operation, `${route.method} ${route.path} is documented`).toBeDefined();
  const documented = operation!.responses[String(response.status)];
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A live stream never ends by itself: its first bytes are enough to know it is one, documented as such.
    expect(documented?.content, `${route.method} ${route.path} documents its event stream`).toHaveProperty("text/event-stream");
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(first).toMatch(/^retry: \d+/);
    return {};
  }
  const body = await response.json();
  expect(documented, `${route.method} ${route.path} documents status ${response.status} (${JSON.stringify(body).slice(0, 200)})`).toBeDefined();
  const check = ajv.compile((documented!.content as Record<string, { schema: object }>)["application/json"]!.schema);
  expect(check(body), `${route.method} ${route.path} ${response.status}: ${ajv.errorsText(check.errors)}`).toBe(true);
  return body;
}

describe("the OpenAPI document (/api/v1/openapi.json)", () => {
  it("is a valid OpenAPI 3.1 document, served by its route", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    const served = await callRoute(findRoute(routes, "GET", "/openapi.json"));
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("documents exactly the routes that exist", () => {
    const existing = routes.map((r) => `${r.method} ${r.path}`).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(existing);
  });

  it("describes every route's real answers, success and refusal alike", async () => {
    const [owner, member] = await Promise.all([makeUser(), makeUser()]);
    const admin = await makeMember({ role: "ADMIN" });
    const word = `zebra${randomUUID().slice(0, 6).replace(/[^a-z]/g, "q")}`;
    const thesis = await makeThesis(owner, `Thesis about ${word}`);
    const lockable = await makeThesis(owner);
    const argument = await makeArgument(owner, { thesisId: thesis.id, body: `An argument about ${word}` });
    const text = `The first sentence of ${word}. The second sentence is here. The end. The end.`;

    const route = (method: Method, p: string) => findRoute(routes, method, p);
    const call = async (method: Method, p: string, c: Call = {}) => {
      const r = route(method, p);
      const response = await callRoute(r, c);
      return { status: response.status, body: (await expectDocumented(r, response)) as Record<string, any> };
    };

    // Successes, in an order where each can use what the ones before made.
    const seen = new Set<string>();
    const ok = async (method: Method, p: string, c: Call, status = 200) => {
      const answer = await call(method, p, c);
      expect(answer.status, `${method} ${p}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
      seen.add(`${method} ${p}`);
      return answer.body;
    };
    await ok("GET", "/theses", { query: { sort: "active" } });
    await ok("POST", "/theses", { as: member.id, body: { title: `Another ${word}` } }, 201);
    await ok("GET", "/theses/{slug}", { params: { slug: thesis.slug } });
    await ok("POST", "/theses/{slug}/arguments", { as: member.id, params: { slug: thesis.slug }, body: { stance: "CON", body: "A rebuttal.", parentId: argument.id } }, 201);
    await ok("GET", "/theses/{slug}/stance", { params: { slug: thesis.slug } });
    await ok("PUT", "/theses/{slug}/stance", { as: member.id, params: { slug: thesis.slug }, body: { value: 1 } });
    await ok("DELETE", "/theses/{slug}/stance", { as: member.id, params: { slug: thesis.slug } });
    await ok("GET", "/arguments/{id}", { params: { id: argument.id } });
    await ok("PATCH", "/arguments/{id}", { as: owner.id, params: { id: argument.id }, body: { body: `An argument about ${word}, edited.` } });
    await ok("GET", "/arguments/{id}/revisions", { params: { id: argument.id } });
    await ok("PUT", "/arguments/{id}/vote", { as: member.id, params: { id: argument.id }, body: { value: 1 } });
    await ok("DELETE", "/arguments/{id}/vote", { as: member.id, params: { id: argument.id } });
    await ok("POST", "/flags", { as: member.id, body: { targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" } }, 201);
    await ok("GET", "/moderation/queue", { as: admin.id });
    await ok("POST", "/moderation/actions", { as: admin.id, body: { action: "LOCK", thesisId: lockable.id, reason: "Test lock" } });
    await ok("GET", "/moderation/log", { query: { thesis: lockable.slug } });
    await ok("GET", "/moderation/log/verify", { as: admin.id });
    await ok("GET", "/search", { query: { q: word } });
    const { source } = await ok("POST", "/sources", { as: member.id, body: { title: `Source ${word}`, text } }, 201);
    await ok("GET", "/sources/{id}", { params: { id: source.id } });
    await ok("POST", "/sources/{id}/quotes", { as: member.id, params: { id: source.id }, body: { exact: "The second sentence is here." } }, 201);
    const { token } = await ok("POST", "/tokens", { as: member.id, body: { name: "docs test" } }, 201);
    await ok("GET", "/tokens", { as: member.id });
    await ok("DELETE", "/tokens/{id}", { as: member.id, params: { id: token.id } });
    await ok("GET", "/openapi.json", {});
    await ok("GET", "/schemas/thesis-export.json", {});
    await ok("GET", "/theses/{slug}/export", { params: { slug: thesis.slug } });
    await ok("GET", "/theses/{slug}/events", { params: { slug: thesis.slug } });
    await ok("GET", "/theses/{slug}/similar-arguments", { params: { slug: thesis.slug }, query: { q: `An argument about ${word} again` } });
    await ok("PUT", "/theses/{slug}/topics", { as: owner.id, params: { slug: thesis.slug }, body: { topics: [`Topic ${word}`] } });
    await ok("GET", "/topics", {});
    await ok("PUT", "/watches", { as: member.id, body: { targetType: "THESIS", targetId: thesis.id } });
    await ok("DELETE", "/watches", { as: member.id, body: { targetType: "THESIS", targetId: thesis.id } });
    const { items } = await ok("GET", "/notifications", { as: owner.id });
    await ok("POST", "/notifications/read", { as: owner.id, body: items.length > 0 ? { ids: [items[0].id] } : { all: true } });
    await ok("GET", "/notifications/events", { as: owner.id });
    const exported = await (await callRoute(route("GET", "/theses/{slug}/export"), { params: { slug: thesis.slug } })).text();
    await ok("POST", "/imports", { as: admin.id, body: { file: exported } }, 201);
    expect([...seen].sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());

    // Refusals: every route refuses a bad token; and the codes clients branch on, each where it arises.
    for (const r of routes) {
      const params = Object.fromEntries([...r.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === "slug" ? thesis.slug : argument.id]));
      const answer = await call(r.method, r.path, { params, headers: { authorization: "Bearer agora_not_a_token" }, body: r.method === "GET" || r.method === "DELETE" ? undefined : {} });
      expect(answer.status, `${r.method} ${r.path}`).toBe(401);
      expect(answer.body.error.code).toBe("UNAUTHORIZED");
    }
    const refusals: [Method, string, Call, number, string][] = [
      ["GET", "/theses/{slug}", { params: { slug: "no-such-thesis-here" } }, 404, "NOT_FOUND"],
      ["GET", "/theses/{slug}", { params: { slug: thesis.slug }, query: { sort: "loudest" } }, 422, "VALIDATION_FAILED"],
      ["POST", "/theses", { as: member.id, body: { title: "" } }, 422, "VALIDATION_FAILED"],
      ["POST", "/theses", { as: member.id, body: "{not json" }, 400, "BAD_REQUEST"],
      ["POST", "/theses", { as: member.id, body: "title=x", headers: { "content-type": "text/plain" } }, 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["POST", "/theses", { as: member.id, body: { title: "x".repeat(20_000) } }, 413, "PAYLOAD_TOO_LARGE"],
      ["POST", "/theses", { as: member.id, body: { title: "Cross" }, headers: { origin: "https://evil.example" } }, 403, "CROSS_SITE_REQUEST"],
      ["POST", "/theses/{slug}/arguments", { as: member.id, params: { slug: lockable.slug }, body: { stance: "PRO", body: "Late." } }, 403, "THESIS_LOCKED"],
      ["PUT", "/arguments/{id}/vote", { as: owner.id, params: { id: argument.id }, body: { value: 1 } }, 403, "OWN_ARGUMENT"],
      ["PATCH", "/arguments/{id}", { as: owner.id, params: { id: "\u0000" }, body: { body: "x" } }, 404, "NOT_FOUND"],
      ["POST", "/flags", { as: member.id, body: { targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" } }, 409, "CONFLICT"],
      ["GET", "/moderation/log", {}, 401, "UNAUTHORIZED"],
      ["GET", "/moderation/log", { as: member.id }, 403, "FORBIDDEN"],
      ["GET", "/moderation/log", { query: { before: "2147483648" } }, 422, "VALIDATION_FAILED"],
      ["POST", "/sources/{id}/quotes", { as: member.id, params: { id: source.id }, body: { exact: "The third sentence is here." } }, 422, "QUOTE_NOT_FOUND"],
      ["POST", "/sources/{id}/quotes", { as: member.id, params: { id: source.id }, body: { exact: "The end." } }, 422, "QUOTE_AMBIGUOUS"],
      ["POST", "/sources", { as: member.id, body: { url: "http://10.0.0.1/" } }, 422, "FETCH_REFUSED"],
      ["GET", "/search", { query: { q: "a\u0000b" } }, 422, "VALIDATION_FAILED"],
    ];
    for (const [method, p, c, status, code] of refusals) {
      const answer = await call(method, p, c);
      expect({ call: `${method} ${p}`, status: answer.status, code: answer.body.error?.code }).toEqual({ call: `${method} ${p}`, status, code });
    }
  });
});
