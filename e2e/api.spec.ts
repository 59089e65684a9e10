import { expect, test } from "@playwright/test";
import { register } from "./support";

test.use({ storageState: "e2e/.auth/member.json" });

test("the API answers bad input with 4xx and clear messages, and writes nothing", async ({ request }) => {
  const created = await request.post("/api/v1/theses", { data: { title: `API thesis ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const { thesis } = await created.json();

  const emptyTitle = await request.post("/api/v1/theses", { data: { title: "" } });
  expect(emptyTitle.status()).toBe(422);
  expect((await emptyTitle.json()).error.fields.title).toEqual(["Give the thesis a title."]);

  const longTitle = await request.post("/api/v1/theses", { data: { title: "x".repeat(201) } });
  expect(longTitle.status()).toBe(422);

  const notJson = await request.post("/api/v1/theses", { headers: { "content-type": "text/plain" }, data: "title=x" });
  expect(notJson.status()).toBe(415);

  const brokenJson = await request.post("/api/v1/theses", { headers: { "content-type": "application/json" }, data: Buffer.from("{oops") });
  expect(brokenJson.status()).toBe(400);

  const url = `/api/v1/theses/${thesis.slug}/arguments`;
  const tooLong = await request.post(url, { data: { stance: "PRO", body: "x".repeat(2001) } });
  expect(tooLong.status()).toBe(422);
  expect((await tooLong.json()).error.fields.body[0]).toMatch(/at most 2,000/);

  const badStance = await request.post(url, { data: { stance: "SIDEWAYS", body: "text" } });
  expect(badStance.status()).toBe(422);

  const orphan = await request.post(url, { data: { stance: "CON", body: "reply", parentId: "doesnotexist" } });
  expect(orphan.status()).toBe(422);
  expect((await orphan.json()).error.fields.parentId[0]).toMatch(/does not exist in this thesis/);

  expect((await request.post("/api/v1/theses/no-such-thesis-here/arguments", { data: { stance: "PRO", body: "x" } })).status()).toBe(404);
  expect((await request.get("/api/v1/theses/Not_A_Slug")).status()).toBe(404);

  const ok = await request.post(url, { data: { stance: "PRO", body: "A real argument" } });
  expect(ok.status()).toBe(201);
  const { argument } = await ok.json();

  const page = await request.get(`/api/v1/theses/${thesis.slug}`);
  const body = await page.json();
  expect(body.arguments.PRO.items.map((a: { id: string }) => a.id)).toEqual([argument.id]);
  expect(body.arguments.CON).toEqual({ count: 0, items: [], nextCursor: null });
  expect(body.thesis).toMatchObject({ proCount: 1, conCount: 0, argumentCount: 1 });

  const edit = await request.patch(`/api/v1/arguments/${argument.id}`, { data: { body: "A better argument" } });
  expect(edit.status()).toBe(200);
  const history = await (await request.get(`/api/v1/arguments/${argument.id}/revisions`)).json();
  expect(history.argument.revisions.map((r: { body: string }) => r.body)).toEqual(["A better argument", "A real argument"]);
  expect((await request.patch(`/api/v1/arguments/nope`, { data: { body: "x" } })).status()).toBe(404);
});

test("signed-out callers get 401 and another member gets 403 when editing someone else's argument", async ({ request, browser, playwright, baseURL }) => {
  const { thesis } = await (await request.post("/api/v1/theses", { data: { title: `Owned ${Date.now()}` } })).json();
  const { argument } = await (
    await request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "CON", body: "Mine" } })
  ).json();

  // The runner applies the file's storageState to new contexts too: start these empty on purpose.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.patch(`/api/v1/arguments/${argument.id}`, { data: { body: "Yours now" } })).status()).toBe(401);
  expect((await anonymous.post("/api/v1/theses", { data: { title: "Anonymous thesis" } })).status()).toBe(401);
  await anonymous.dispose();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await register(page);
  const forbidden = await page.request.patch(`/api/v1/arguments/${argument.id}`, { data: { body: "Yours now" } });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error).toMatchObject({ code: "FORBIDDEN", message: "You can only edit your own arguments." });
  await context.close();

  const history = await (await request.get(`/api/v1/arguments/${argument.id}/revisions`)).json();
  expect(history.argument.revisions.map((r: { body: string }) => r.body)).toEqual(["Mine"]);
});

test("the API reference at /api/docs renders the OpenAPI document under its own strict CSP", async ({ page, request }) => {
  const contract = await request.get("/api/v1/openapi.json");
  expect(contract.status()).toBe(200);
  expect((await contract.json()).openapi).toBe("3.1.0");

  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/api/docs");
  expect(response!.headers()["content-security-policy"]).toContain("script-src 'self'");
  await expect(page.getByRole("heading", { name: "Agora API" }).first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText("Open a thesis").first()).toBeVisible();
  expect(violations).toEqual([]);
});
