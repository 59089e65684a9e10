import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { clickAndSave, expectNoSeriousViolations, register, SEEDED_TOPIC } from "./support";
import { testDatabaseUrl } from "../scripts/db/test-database";

// Every test starts signed out and registers its own members.
test.use({ storageState: { cookies: [], origins: [] } });

async function member(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await register(page);
  return { context, page };
}

/** A thesis and its arguments, in order; `parent` makes one a reply to an earlier one (its index in `bodies`). */
async function thesisWithArguments(request: APIRequestContext, bodies: { stance: "PRO" | "CON"; body: string; parent?: number }[]) {
  const created = await request.post("/api/v1/theses", { data: { title: `Votes ${randomUUID().slice(0, 8)}` } });
  expect(created.status()).toBe(201);
  const { thesis } = await created.json();
  const ids: string[] = [];
  for (const { parent, ...argument } of bodies) {
    const data = parent === undefined ? argument : { ...argument, parentId: ids[parent] };
    const response = await request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data });
    expect(response.status()).toBe(201);
    ids.push((await response.json()).argument.id);
  }
  return { slug: thesis.slug as string, ids };
}

/** The card of one argument (a compact card in a list, or the focus). */
const card = (page: Page, id: string) => page.locator(`#arg-${id} article`).first();

/** Changes the database behind the app directly: another request (a moderator, another tab) acting meanwhile. */
async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: testDatabaseUrl("agora_e2e") });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

test("vote, change, withdraw; own arguments offer no vote; a refused vote rolls back with a message", async ({ browser }) => {
  const author = await member(browser);
  const { slug, ids } = await thesisWithArguments(author.page.request, [{ stance: "PRO", body: "Bike lanes cut traffic deaths." }]);
  const voter = await member(browser);
  await voter.page.goto(`/t/${slug}`);
  const argument = card(voter.page, ids[0]!);
  const convincing = argument.getByRole("button", { name: "Convincing", exact: true });
  const notConvincing = argument.getByRole("button", { name: "Not convincing" });
  const counts = argument.getByTestId("vote-counts");
  await expect(convincing).toHaveAttribute("aria-pressed", "false");
  await expect(counts).toContainText("0 convincing");

  // From the keyboard: the buttons are reachable and pressable.
  await convincing.focus();
  await voter.page.keyboard.press("Enter");
  await expect(convincing).toHaveAttribute("aria-pressed", "true");
  await expect(counts).toContainText("1 convincing");
  await expect(argument.getByRole("img", { name: "100% of 1 vote find it convincing" })).toBeVisible();

  await notConvincing.click();
  await expect(notConvincing).toHaveAttribute("aria-pressed", "true");
  await expect(convincing).toHaveAttribute("aria-pressed", "false");
  await expect(counts).toContainText("0 convincing");
  await expect(counts).toContainText("1 not");

  // Pressing the pressed button withdraws the vote; a reload shows what the server kept. The optimistic
  // display changes before the server answers, so wait for the server action's response before reloading.
  await clickAndSave(voter.page, notConvincing);
  await expect(notConvincing).toHaveAttribute("aria-pressed", "false");
  await expect(counts).toContainText("0 not");
  await voter.page.reload();
  await expect(card(voter.page, ids[0]!).getByTestId("vote-counts")).toContainText("0 convincing");
  await clickAndSave(voter.page, convincing);
  await expect(counts).toContainText("1 convincing");
  await voter.page.reload();
  await expect(convincing).toHaveAttribute("aria-pressed", "true");

  // The author is not offered a vote on their own argument.
  await author.page.goto(`/t/${slug}`);
  const own = card(author.page, ids[0]!);
  await expect(own.getByText("your argument")).toBeVisible();
  await expect(own.getByRole("button", { name: "Convincing", exact: true })).toHaveCount(0);
  await expect(own.getByTestId("vote-counts")).toContainText("1 convincing");
  // Read as text (screen readers, copy), the words stay apart: "…, 0 not convincing. (your argument)".
  const voteText = (await own.getByTestId("vote-counts").locator("xpath=..").textContent()) ?? "";
  expect(voteText.replace(/\s+/g, " ")).toMatch(/1 convincing,.*0 not convincing\. \(your argument\)/);

  // The thesis gets locked while the voter's page is open: the click shows at once, then rolls back.
  await sql(`UPDATE "Thesis" SET status = 'LOCKED' WHERE slug = $1`, [slug]);
  await notConvincing.click();
  await expect(argument.getByRole("alert")).toHaveText("Your vote was not saved: This thesis is locked: votes can no longer change.");
  await expect(convincing).toHaveAttribute("aria-pressed", "true");
  await expect(counts).toContainText("1 convincing");
  await expect(counts).toContainText("0 not");

  await author.context.close();
  await voter.context.close();
});

test("an edit makes earlier votes stale until the voter reconfirms", async ({ browser }) => {
  const author = await member(browser);
  const { slug, ids } = await thesisWithArguments(author.page.request, [{ stance: "CON", body: "Trams cost too much." }]);
  const voter = await member(browser);
  expect((await voter.page.request.put(`/api/v1/arguments/${ids[0]}/vote`, { data: { value: 1 } })).status()).toBe(200);
  expect((await author.page.request.patch(`/api/v1/arguments/${ids[0]}`, { data: { body: "Trams cost three times as much as buses." } })).status()).toBe(200);

  await voter.page.goto(`/t/${slug}`);
  const argument = card(voter.page, ids[0]!);
  await expect(argument.getByTestId("stale-votes")).toContainText("1 vote on an earlier version");
  await expect(argument.getByTestId("reconfirm-prompt")).toContainText("Is it still?");
  await argument.getByRole("button", { name: "Yes, keep my vote" }).click();
  await expect(argument.getByTestId("reconfirm-prompt")).toHaveCount(0);
  await expect(argument.getByTestId("stale-votes")).toHaveCount(0);
  await expect(argument.getByTestId("vote-counts")).toContainText("1 convincing");
  await expect(argument.getByRole("button", { name: "Convincing", exact: true })).toHaveAttribute("aria-pressed", "true");
  await author.context.close();
  await voter.context.close();
});

test("the API refuses signed-out, malformed and own votes, and replays change nothing", async ({ browser, playwright, baseURL }) => {
  const author = await member(browser);
  const { ids } = await thesisWithArguments(author.page.request, [{ stance: "PRO", body: "Zoning reform raises supply." }]);
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.put(`/api/v1/arguments/${ids[0]}/vote`, { data: { value: 1 } })).status()).toBe(401);
  expect((await anonymous.delete(`/api/v1/arguments/${ids[0]}/vote`)).status()).toBe(401);
  await anonymous.dispose();

  const own = await author.page.request.put(`/api/v1/arguments/${ids[0]}/vote`, { data: { value: 1 } });
  expect(own.status()).toBe(403);
  expect((await own.json()).error).toMatchObject({ code: "OWN_ARGUMENT", message: "You cannot vote on your own argument." });

  const voter = await member(browser);
  const request = voter.page.request;
  for (const value of [0, 2, "1", null]) {
    const bad = await request.put(`/api/v1/arguments/${ids[0]}/vote`, { data: { value } });
    expect(bad.status()).toBe(422);
  }
  expect((await request.put(`/api/v1/arguments/nosuchargument/vote`, { data: { value: 1 } })).status()).toBe(404);
  const first = await (await request.put(`/api/v1/arguments/${ids[0]}/vote`, { data: { value: -1 } })).json();
  const replay = await (await request.put(`/api/v1/arguments/${ids[0]}/vote`, { data: { value: -1 } })).json();
  expect(first.vote).toMatchObject({ value: -1, downCount: 1, upCount: 0, changed: true });
  expect(replay.vote).toMatchObject({ value: -1, downCount: 1, upCount: 0, changed: false });
  const withdrawn = await (await request.delete(`/api/v1/arguments/${ids[0]}/vote`)).json();
  expect(withdrawn.vote).toMatchObject({ value: null, downCount: 0 });
  await author.context.close();
  await voter.context.close();
});

test("stance poll, thesis strength and the sort selector", async ({ browser }) => {
  const author = await member(browser);
  const { slug, ids } = await thesisWithArguments(author.page.request, [
    { stance: "PRO", body: "Oldest argument, never voted." },
    { stance: "PRO", body: "Second argument, found convincing." },
    { stance: "PRO", body: "Newest argument, disputed." },
  ]);
  const voters = [await member(browser), await member(browser)];
  for (const v of voters) {
    expect((await v.page.request.put(`/api/v1/arguments/${ids[1]}/vote`, { data: { value: 1 } })).status()).toBe(200);
  }
  await voters[0]!.page.request.put(`/api/v1/arguments/${ids[2]}/vote`, { data: { value: 1 } });
  await voters[1]!.page.request.put(`/api/v1/arguments/${ids[2]}/vote`, { data: { value: -1 } });

  const page = voters[0]!.page;
  await page.goto(`/t/${slug}`);
  const order = () => page.getByRole("list", { name: "Arguments for" }).getByTestId("argument").evaluateAll((els) => els.map((el) => el.id.slice(4)));
  // Best: Wilson lower bound (2–0 beats 1–1 beats unvoted).
  expect(await order()).toEqual([ids[1], ids[2], ids[0]]);
  const sort = page.getByRole("navigation", { name: "Sort arguments" });
  await expect(sort.getByRole("link", { name: /Best/ })).toHaveAttribute("aria-current", "true");
  await sort.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\?sort=newest$/);
  await expect(sort.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
  expect(await order()).toEqual([ids[2], ids[1], ids[0]]);
  await sort.getByRole("link", { name: "Most disputed" }).click();
  await expect(page).toHaveURL(/\?sort=disputed$/);
  expect(await order()).toEqual([ids[2], ids[1], ids[0]]);

  // Strength: supporters with convincing votes lift the thesis above 0.5 and are named as what moves it.
  const strength = page.getByTestId("thesis-strength");
  await expect(strength).toContainText("Strength of the thesis");
  const value = Number(await strength.locator("h2 .tabular-nums").textContent());
  expect(value).toBeGreaterThan(0.5);
  await expect(strength.getByRole("link", { name: /Second argument, found convincing/ })).toBeVisible();
  await expect(card(page, ids[1]!).getByTestId("argument-strength")).toBeVisible();

  // Stance poll: answer, change, and the distribution follows (with a text equivalent).
  const poll = page.getByTestId("stance-poll");
  await poll.getByRole("button", { name: /^Agree/ }).click();
  await expect(poll.getByRole("button", { name: /^Agree/ })).toHaveAttribute("aria-pressed", "true");
  await expect(poll).toContainText("(1 answer)");
  await clickAndSave(page, poll.getByRole("button", { name: /^Strongly disagree/ }));
  await expect(poll.getByRole("button", { name: /^Strongly disagree/ })).toHaveAttribute("aria-pressed", "true");
  await expect(poll.getByRole("button", { name: /^Agree/ })).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.getByTestId("stance-poll").locator("figcaption")).toHaveText(
    "Stance distribution: Strongly disagree 1, Disagree 0, Undecided 0, Agree 0, Strongly agree 0.",
  );
  for (const m of [author, ...voters]) await m.context.close();
});

test("an argument's page sorts its replies with the same selector, and links inside the branch keep the order", async ({ browser }) => {
  const author = await member(browser);
  const { slug, ids } = await thesisWithArguments(author.page.request, [
    { stance: "PRO", body: "Congestion pricing pays for better buses." },
    { stance: "CON", body: "Oldest rebuttal, split one to one.", parent: 0 },
    { stance: "CON", body: "Second rebuttal, found convincing twice.", parent: 0 },
    { stance: "PRO", body: "Newest reply, never voted.", parent: 0 },
  ]);
  const [root, split, convincing, unvoted] = ids as [string, string, string, string];
  const voters = [await member(browser), await member(browser)];
  const votes: [string, number, number][] = [[split, 1, -1], [convincing, 1, 1]];
  for (const [id, ...values] of votes) {
    for (const [i, value] of values.entries()) {
      expect((await voters[i]!.page.request.put(`/api/v1/arguments/${id}/vote`, { data: { value } })).status()).toBe(200);
    }
  }

  const page = voters[0]!.page;
  await page.goto(`/t/${slug}/a/${root}`);
  // The focused argument's direct replies, rebuttals then supporting replies, each list in the order shown.
  const listed = (name: string) => page.getByRole("list", { name }).getByTestId("argument").evaluateAll((els) => els.map((el) => el.id.slice(4)));
  const replies = async () => [...(await listed("Rebuttals")), ...(await listed("Supporting replies"))];
  const sort = page.getByRole("navigation", { name: "Sort arguments" });
  await expect(sort.getByText("Sort:")).toBeVisible();
  await expect(sort.getByRole("link", { name: /Best/ })).toHaveAttribute("aria-current", "true");
  // Best: Wilson lower bound, 2–0 before 1–1.
  expect(await replies()).toEqual([convincing, split, unvoted]);

  // From the keyboard: the orders are links, reachable and followed with Enter.
  await sort.getByRole("link", { name: "Newest" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/t/${slug}/a/${root}?sort=newest`);
  await expect(sort.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
  await expect.poll(replies).toEqual([convincing, split, unvoted]);

  // Most disputed: the 1–1 split first, then the one-sided 2–0, then the unvoted.
  await sort.getByRole("link", { name: "Most disputed" }).click();
  await expect(page).toHaveURL(`/t/${slug}/a/${root}?sort=disputed`);
  await expect.poll(replies).toEqual([split, convincing, unvoted]);
  // The order is the server's: a fresh load of the address shows the same.
  await page.reload();
  expect(await replies()).toEqual([split, convincing, unvoted]);
  await expectNoSeriousViolations(page);

  // Links into the branch keep the order: a reply's page, back up through the path, and back to the thesis.
  await card(page, split).getByRole("link", { name: "Permalink" }).click();
  await expect(page).toHaveURL(`/t/${slug}/a/${split}?sort=disputed`);
  await expect(sort.getByRole("link", { name: "Most disputed" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: "← Back to the whole debate" })).toHaveAttribute("href", `/t/${slug}?sort=disputed#arg-${root}`);
  await page.getByRole("navigation", { name: "Path from the thesis" }).getByTestId("breadcrumb-ancestor").getByRole("link").click();
  await expect(page).toHaveURL(`/t/${slug}/a/${root}?sort=disputed`);
  await expect.poll(replies).toEqual([split, convincing, unvoted]);

  // An unknown order falls back to best; the thesis page hands its order on to an argument's page.
  await page.goto(`/t/${slug}/a/${root}?sort=loudest`);
  await expect(sort.getByRole("link", { name: /Best/ })).toHaveAttribute("aria-current", "true");
  expect(await replies()).toEqual([convincing, split, unvoted]);
  await page.goto(`/t/${slug}?sort=newest`);
  await card(page, root).getByRole("link", { name: "Permalink" }).click();
  await expect(page).toHaveURL(`/t/${slug}/a/${root}?sort=newest`);
  await expect.poll(replies).toEqual([convincing, split, unvoted]);
  for (const m of [author, ...voters]) await m.context.close();
});

test("the seeded debate shows demo votes, a computed strength and stances, with no serious axe violations", async ({ browser }) => {
  const voter = await member(browser);
  const page = voter.page;
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: "Putin cannot accept a peace deal that secures Ukrainian statehood" }).click();
  const strength = page.getByTestId("thesis-strength");
  await expect(strength.getByRole("listitem").first()).toBeVisible();
  expect(Number(await strength.locator("h2 .tabular-nums").textContent())).not.toBe(0.5);
  await expect(page.getByTestId("stance-poll")).toContainText("(4 answers)");
  await expect(page.getByTestId("vote-control").first().getByRole("button", { name: "Convincing", exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
  await voter.context.close();
});
