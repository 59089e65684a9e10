import { expect, test, type Browser } from "@playwright/test";
import { createThesis, expectNoSeriousViolations, register } from "./support";
import { grantRole, seedReviewItems } from "./moderation-support";

const EMPTY = { storageState: { cookies: [], origins: [] } };

async function member(browser: Browser) {
  const context = await browser.newContext(EMPTY);
  const page = await context.newPage();
  const who = await register(page);
  return { context, page, who };
}

test("a flag reaches the queue, a moderator hides the argument with a reason, the log shows it, and it is restored", async ({ browser }) => {
  // A long flow through four browser contexts and the admin:create command: slow on a busy machine.
  test.setTimeout(240_000);
  const body = `You are an idiot and so is everyone who agrees ${Date.now()}`;
  const reason = "Personal attack on other members";

  // The author opens a thesis and posts the argument; a reply below it must stay reachable once it is hidden.
  const author = await member(browser);
  await createThesis(author.page);
  const thesisUrl = author.page.url();
  const slug = new URL(thesisUrl).pathname.split("/").pop()!;
  await author.page.getByRole("button", { name: "+ Add an argument for" }).click();
  await author.page.getByLabel("Your argument for the thesis").fill(body);
  await author.page.getByRole("button", { name: "Post" }).click();
  const authored = author.page.getByTestId("argument").filter({ hasText: body });
  await expect(authored).toHaveCount(1);
  await expect(authored.getByRole("button", { name: "Flag" })).toHaveCount(0);

  // Another member flags it.
  const reporter = await member(browser);
  await reporter.page.goto(thesisUrl);
  const flagged = reporter.page.getByTestId("argument").filter({ hasText: body });
  await flagged.getByRole("button", { name: "Flag" }).click();
  await flagged.getByLabel("Abuse or harassment").check();
  await flagged.getByLabel("Details (optional)").fill("Insults instead of arguments");
  await flagged.getByRole("button", { name: "Send flag" }).click();
  await expect(flagged.getByText("Thank you: moderators will review it.")).toBeVisible();
  await flagged.getByRole("button", { name: "Reply" }).click();
  await flagged.getByLabel("opposes it (rebuttal)").check();
  await flagged.getByLabel("Your reply").fill("Please argue the point instead.");
  await flagged.getByRole("button", { name: "Post" }).click();
  // The reply opens as its own focus; the card it answers counts it in place.
  await expect(flagged.getByText("Reply posted.")).toBeVisible();
  await expect(flagged.getByTestId("reply-count")).toContainText("1 reply");

  // Flagging twice, flagging nothing, overlong reasons and acting as a moderator are refused through the API.
  const argumentId = (await flagged.first().getAttribute("id"))!.replace(/^arg-/, "");
  const again = await reporter.page.request.post("/api/v1/flags", { data: { targetType: "ARGUMENT", targetId: argumentId, reason: "SPAM" } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toMatch(/already flagged this argument/);
  expect((await reporter.page.request.post("/api/v1/flags", { data: { targetType: "ARGUMENT", targetId: "nosuchargument", reason: "SPAM" } })).status()).toBe(404);
  const long = await reporter.page.request.post("/api/v1/flags", { data: { targetType: "THESIS", targetId: argumentId, reason: "OTHER", details: "x".repeat(501) } });
  expect(long.status()).toBe(422);
  expect((await long.json()).error.fields.details).toEqual(["Reasons can have at most 500 characters."]);
  const usurp = await reporter.page.request.post("/api/v1/moderation/actions", { data: { action: "HIDE", targetType: "ARGUMENT", targetId: argumentId, reason: "Mine now" } });
  expect(usurp.status()).toBe(403);
  // Members who moderate nothing are told who the queue is for (streamed pages may answer 200, so read the page).
  await reporter.page.goto("/moderation");
  await expect(reporter.page.getByRole("heading", { level: 1, name: "You don’t have access to this page" })).toBeVisible();
  await expect(reporter.page.getByTestId("forbidden-why")).toContainText("you moderate no thesis");
  await expect(reporter.page.getByRole("heading", { name: "Review queue" })).toHaveCount(0);
  expect((await reporter.page.request.get("/api/v1/moderation/queue")).status()).toBe(403);

  // A member made moderator by the operator's command sees the item in the queue, with its flag.
  const moderator = await member(browser);
  expect(grantRole(moderator.who.email, "MODERATOR")).toMatch(/is now a moderator/);
  // Filtered to this thesis: a site moderator's queue holds every pending item on the site, oldest first, 50 a page,
  // and other specs (xss.spec.ts's 50 flags, the paging test's items of a day ago) can fill its first page first.
  await moderator.page.goto(`/moderation?thesis=${slug}`);
  await expect(moderator.page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  const item = moderator.page.getByTestId("review-item").filter({ hasText: body });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId("flag")).toContainText("Abuse or harassment: Insults instead of arguments");
  await expectNoSeriousViolations(moderator.page);

  // Suspensions outside one hour … one year are refused, and nothing changes.
  for (const hours of [-5, 0, 100_000]) {
    const response = await moderator.page.request.post("/api/v1/moderation/actions", {
      data: { action: "SUSPEND", userId: "someone", hours, reason: "Testing bounds" },
    });
    expect(response.status(), String(hours)).toBe(422);
  }

  // One card, one reason field, one click per act. Hide needs a reason; with one, the argument leaves the
  // pending queue and the confirmation says what was done, with its undo.
  await expect(item.getByRole("textbox", { name: /^Reason/ })).toHaveCount(1);
  await expect(item.locator("form")).toHaveCount(1);
  for (const act of ["Dismiss flags", "Hide", "Mark as duplicate", "Lock thesis", "Suspend author"]) {
    await expect(item.getByRole("button", { name: act, exact: true })).toBeVisible();
  }
  await item.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(item.getByRole("alert").first()).toContainText("Give a reason");
  await item.getByLabel(/^Reason/).fill(reason);
  await item.getByRole("button", { name: "Hide", exact: true }).click();
  const confirmation = moderator.page.getByTestId("moderation-confirmation");
  await expect(confirmation).toContainText("Hidden.");
  await expect(confirmation).toBeFocused();
  await expect(moderator.page.getByTestId("review-item").filter({ hasText: body })).toHaveCount(0);

  // The author still reads their text, under the notice with the reason.
  await author.page.reload();
  const ownView = author.page.getByTestId("argument").filter({ hasText: body });
  await expect(ownView.getByTestId("hidden-notice")).toContainText(`Hidden by moderators: ${reason}`);
  await expect(ownView.getByTestId("hidden-notice")).toContainText("Only its author and moderators can read the text below.");

  // Everyone else gets the placeholder: the text is not on the page at all, the reply still is.
  await reporter.page.goto(thesisUrl);
  const notices = reporter.page.getByTestId("hidden-notice");
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText(reason);
  await expect(reporter.page.getByText(body)).toHaveCount(0);
  expect(await reporter.page.content()).not.toContain(body);
  // The reply under it stays reachable in the hidden argument's focus view, without the hidden text.
  await reporter.page.goto(`${thesisUrl}/a/${argumentId}`);
  await expect(reporter.page.getByText("Please argue the point instead.", { exact: true })).toBeVisible();
  expect(await reporter.page.content()).not.toContain(body);
  const apiView = await (await reporter.page.request.get(`/api/v1/theses/${slug}`)).json();
  expect(JSON.stringify(apiView)).not.toContain(body);

  // The public log (signed out) shows who hid it, in which role, and why.
  const visitor = await browser.newContext(EMPTY);
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(thesisUrl);
  await visitorPage.getByRole("link", { name: "Moderation log" }).click();
  await expect(visitorPage.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
  const entry = visitorPage.getByTestId("log-entry").first();
  await expect(entry).toContainText(moderator.who.name);
  await expect(entry).toContainText("(site moderator) hid an argument");
  await expect(entry).toContainText(`Reason: ${reason}`);
  await expectNoSeriousViolations(visitorPage);

  // The moderator undoes it from the confirmation (from the keyboard): a restore, logged like any act.
  await moderator.page.keyboard.press("Tab");
  await expect(confirmation.getByRole("button", { name: "Undo" })).toBeFocused();
  await moderator.page.keyboard.press("Enter");
  await expect(confirmation).toContainText("Restored.");
  await expect(confirmation.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await moderator.page.goto("/moderation?status=ACTIONED");
  const actioned = moderator.page.getByTestId("review-item").filter({ hasText: body });
  await expect(actioned.getByText("History")).toBeVisible();
  await expect(actioned).toContainText(`hide by ${moderator.who.name}`);
  await expect(actioned).toContainText(`restore by ${moderator.who.name}`);
  await expect(actioned.getByRole("button", { name: "Hide", exact: true })).toBeVisible();
  await reporter.page.reload();
  await expect(reporter.page.getByText(body, { exact: true })).toBeVisible();
  await expect(reporter.page.getByTestId("hidden-notice")).toHaveCount(0);
  await visitorPage.reload();
  await expect(visitorPage.getByTestId("log-entry").first()).toContainText("restored an argument");
  await expect(visitorPage.getByTestId("log-entry").nth(1)).toContainText("hid an argument");

  // Only administrators verify the chain.
  expect((await moderator.page.request.get("/api/v1/moderation/log/verify")).status()).toBe(403);
  await visitor.close();
  await Promise.all([author.context.close(), reporter.context.close(), moderator.context.close()]);
});

test("an administrator locks a thesis, suspends a member, and verifies the log", async ({ browser }) => {
  // A long flow through four browser contexts and the admin:create command: slow on a busy machine.
  test.setTimeout(240_000);
  const owner = await member(browser);
  await createThesis(owner.page);
  const thesisUrl = owner.page.url();
  const admin = await member(browser);
  expect(grantRole(admin.who.email, "ADMIN")).toMatch(/is now an administrator/);

  // The owner moderates their own thesis: lock it from the thesis page.
  await owner.page.getByRole("button", { name: "Moderate thesis" }).click();
  await owner.page.getByLabel(/^Reason/).fill("Taking a break");
  await owner.page.getByRole("button", { name: "Lock thesis" }).click();
  await expect(owner.page.getByText("Locked: no new arguments")).toBeVisible();
  await expect(owner.page.getByRole("button", { name: /Add an argument/ })).toHaveCount(0);
  const slug = new URL(thesisUrl).pathname.split("/").pop();
  const refused = await admin.page.request.post(`/api/v1/theses/${slug}/arguments`, { data: { stance: "PRO", body: "Too late" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "THESIS_LOCKED", message: expect.stringMatching(/locked/) });

  // The owner appoints a thesis moderator by handle.
  await owner.page.getByRole("link", { name: "Thesis moderators" }).click();
  await expect(owner.page.getByRole("heading", { level: 1, name: "Moderators of this thesis" })).toBeVisible();
  await owner.page.getByLabel("Member's handle").fill("no-such-member-here");
  await owner.page.getByRole("button", { name: "Appoint" }).click();
  await expect(owner.page.getByRole("alert").first()).toContainText("No member has that handle.");
  await owner.page.getByLabel("Member's handle").fill(admin.who.name.toLowerCase().replace(" ", "-"));
  await owner.page.getByRole("button", { name: "Appoint" }).click();
  await expect(owner.page.getByRole("button", { name: `Remove ${admin.who.name}` })).toBeVisible();
  await expectNoSeriousViolations(owner.page);

  // The roles page is the administrator's, and refuses changing one's own role.
  await admin.page.goto(`/moderation/roles?q=${encodeURIComponent(admin.who.email)}`);
  await expect(admin.page.getByTestId("role-row").filter({ hasText: admin.who.name }).first()).toContainText("You cannot change your own role.");
  await expectNoSeriousViolations(admin.page);

  // The admin suspends the owner: their existing session can no longer post or flag.
  const ownerId = await admin.page.request.get(`/api/v1/theses/${slug}`).then(async (r) => (await r.json()).thesis.author.id as string);
  const suspend = await admin.page.request.post("/api/v1/moderation/actions", {
    data: { action: "SUSPEND", userId: ownerId, hours: 24, reason: "Spamming theses" },
  });
  expect(suspend.status()).toBe(200);
  const blocked = await owner.page.request.post("/api/v1/theses", { data: { title: "Suspended but trying" } });
  expect(blocked.status()).toBe(403);
  expect((await blocked.json()).error).toMatchObject({ code: "ACCOUNT_SUSPENDED", message: expect.stringMatching(/suspended until/) });

  await admin.page.goto("/moderation/log");
  await expect(admin.page.getByRole("status")).toContainText("Hash chain verified");
  await expect(admin.page.getByTestId("log-entry").first()).toContainText("suspended");
  const verify = await (await admin.page.request.get("/api/v1/moderation/log/verify")).json();
  expect(verify).toMatchObject({ ok: true, firstBroken: null });
  await Promise.all([owner.context.close(), admin.context.close()]);
});

test("the review queue pages by keyboard, keeping its filters, and shrugs off a damaged page link", async ({ browser }) => {
  const owner = await member(browser);
  const title = await createThesis(owner.page);
  const slug = new URL(owner.page.url()).pathname.split("/").pop()!;
  await seedReviewItems(slug, { arguments: 53, sources: 2 });
  const { page } = owner;
  const range = page.getByTestId("queue-range");
  const items = page.getByTestId("review-item");
  const pages = page.getByRole("navigation", { name: "Pages of the review queue" });

  await page.goto("/moderation?targetType=ARGUMENT");
  await expect(range).toHaveText("Showing 1–50 of 53");
  await expect(items).toHaveCount(50);
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  // Keyboard only: focus the link and follow it with Enter. The filter comes along.
  await pages.getByRole("link", { name: "Next page" }).focus();
  await page.keyboard.press("Enter");
  await expect(range).toHaveText("Showing 51–53 of 53");
  await expect(items).toHaveCount(3);
  expect(new URL(page.url()).searchParams.get("targetType")).toBe("ARGUMENT");
  await expect(page.getByRole("combobox", { name: "Content" })).toHaveValue("ARGUMENT");
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await pages.getByRole("link", { name: "Previous page" }).focus();
  await page.keyboard.press("Enter");
  await expect(range).toHaveText("Showing 1–50 of 53");

  // The thesis filter is a list of the theses this member moderates, by title; the header leads to the queue.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Moderation", exact: true }).click();
  await page.getByRole("combobox", { name: "Thesis" }).selectOption({ label: title });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`thesis=${slug}`));
  await expect(range).toHaveText("Showing 1–50 of 55");

  // A cut-short link: the first page, with a word of explanation, not an error.
  await page.goto("/moderation?targetType=ARGUMENT&cursor=after.17");
  await expect(page.getByText("That page link is not valid")).toBeVisible();
  await expect(range).toHaveText("Showing 1–50 of 53");

  // Without JavaScript the links are plain links and page just the same.
  const noScript = await browser.newContext({ storageState: await owner.context.storageState(), javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/moderation?targetType=ARGUMENT");
  await plain.getByRole("link", { name: "Next page" }).click();
  await expect(plain.getByTestId("queue-range")).toHaveText("Showing 51–53 of 53");
  await Promise.all([noScript.close(), owner.context.close()]);
});
