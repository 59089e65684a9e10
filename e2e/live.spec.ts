import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousViolations, register } from "./support";

// Two members in two browser contexts: one writes through the API, the other only watches its open page.
test.use({ storageState: { cookies: [], origins: [] } });

async function member(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await register(page);
  return page;
}

async function post(request: APIRequestContext, slug: string, data: { stance: "PRO" | "CON"; body: string; parentId?: string }) {
  const response = await request.post(`/api/v1/theses/${slug}/arguments`, { data });
  expect(response.status()).toBe(201);
  return (await response.json()).argument.id as string;
}

async function vote(request: APIRequestContext, argumentId: string, value: 1 | -1) {
  expect((await request.put(`/api/v1/arguments/${argumentId}/vote`, { data: { value } })).status()).toBe(200);
}

async function thesis(request: APIRequestContext) {
  const created = await request.post("/api/v1/theses", { data: { title: `Live ${randomUUID().slice(0, 8)}` } });
  expect(created.status()).toBe(201);
  return (await created.json()).thesis.slug as string;
}

const card = (page: Page, id: string) => page.locator(`#arg-${id} article`).first();
const live = (page: Page) => page.getByTestId("live-updates");

test("new arguments wait behind a polite banner, votes and moderation show in place, without a reload", async ({ browser }) => {
  const author = await member(browser);
  const slug = await thesis(author.request);
  const first = await post(author.request, slug, { stance: "PRO", body: "Congestion pricing funds transit." });

  const reader = await member(browser);
  await reader.goto(`/t/${slug}`);
  await expect(live(reader)).toHaveAttribute("data-live-state", "open");

  // Another member rebuts (the owner will hide it, and nobody moderates their own content).
  const rebutter = await member(browser);
  const rebuttal = await post(rebutter.request, slug, { stance: "CON", body: "It taxes the commuters with no alternative." });
  const banner = live(reader).getByRole("status");
  const show = banner.getByRole("button", { name: "1 new argument — show" });
  await expect(show).toBeVisible();
  // Nothing moved under the reader: the new card waits until asked for.
  await expect(reader.locator(`#arg-${rebuttal}`)).toHaveCount(0);
  await expectNoSeriousViolations(reader);
  await show.focus();
  await reader.keyboard.press("Enter");
  await expect(card(reader, rebuttal)).toContainText("It taxes the commuters");
  await expect(reader.getByRole("heading", { name: "Against (1)" })).toBeVisible();
  await expect(show).toHaveCount(0);

  // Someone else votes: the counts, the argument's strength and the thesis gauge move on the reader's page.
  const voter = await member(browser);
  const strengthBefore = await reader.getByTestId("thesis-strength-value").textContent();
  await vote(voter.request, first, 1);
  await expect(card(reader, first).getByTestId("vote-counts")).toContainText("1 convincing");
  await expect(card(reader, first).getByTestId("argument-strength")).toContainText("strength");
  await expect(reader.getByTestId("thesis-strength-value")).not.toHaveText(strengthBefore!);

  // A reply further down shows as one more reply on its parent's card.
  await post(voter.request, slug, { stance: "CON", body: "Transit is not there yet in the suburbs.", parentId: first });
  await expect(card(reader, first).getByTestId("reply-count")).toContainText("1 reply");

  // The owner hides the rebuttal: its text leaves the reader's page at once, with the reason.
  const hidden = await author.request.post("/api/v1/moderation/actions", {
    data: { action: "HIDE", targetType: "ARGUMENT", targetId: rebuttal, reason: "Repeats an earlier point" },
  });
  expect(hidden.status()).toBe(200);
  await expect(card(reader, rebuttal).getByTestId("live-hidden-notice")).toContainText("Hidden by moderators just now: Repeats an earlier point");
  await expect(card(reader, rebuttal).getByText("It taxes the commuters with no alternative.", { exact: true })).toHaveCount(0);
});

test("after the server drops the stream, the focus page resumes and shows what was posted meanwhile", async ({ browser }) => {
  const author = await member(browser);
  const slug = await thesis(author.request);
  const focus = await post(author.request, slug, { stance: "PRO", body: "Night trains replace short flights." });

  const reader = await member(browser);
  await reader.goto(`/t/${slug}/a/${focus}`);
  await expect(live(reader)).toHaveAttribute("data-live-state", "open");

  // The e2e server ends every stream after a few seconds (AGORA_LIVE_STREAM_SECONDS); keep the browser from
  // reconnecting until the author has written.
  await reader.route("**/api/v1/theses/*/events*", (route) => route.abort());
  await expect(live(reader)).toHaveAttribute("data-live-state", "connecting", { timeout: 20_000 });
  const rebuttal = await post(author.request, slug, { stance: "CON", body: "Sleeper cars cost more per seat.", parentId: focus });
  const voter = await member(browser);
  await vote(voter.request, focus, -1);
  await reader.unroute("**/api/v1/theses/*/events*");

  await expect(live(reader)).toHaveAttribute("data-live-state", "open", { timeout: 20_000 });
  await live(reader).getByRole("button", { name: "1 new argument — show" }).click();
  await expect(card(reader, rebuttal)).toContainText("Sleeper cars cost more per seat.");
  await expect(reader.locator(`#arg-${focus}`).getByTestId("vote-counts")).toContainText("1 not");
});
