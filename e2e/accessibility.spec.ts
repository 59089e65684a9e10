import { expect, test, type Page } from "@playwright/test";
import { SEEDED_THESIS as SEEDED, createThesis, expectNoSeriousViolations, register, SEEDED_TOPIC } from "./support";
import { grantRole } from "./moderation-support";

test("home, thesis, login and register pages have no serious axe violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: SEEDED }).click();
  await expect(page.getByTestId("argument").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/login");
  await expectNoSeriousViolations(page);
  await page.goto("/register");
  await expectNoSeriousViolations(page);
});

test.describe("signed in", () => {
  test.use({ storageState: "e2e/.auth/member.json" });

  test("the composer is reachable and usable from the keyboard alone", async ({ page }) => {
    await page.goto(SEEDED_TOPIC);
    await page.getByRole("link", { name: SEEDED }).click();
    const add = page.getByRole("button", { name: "+ Add an argument against" });
    await add.focus();
    await page.keyboard.press("Enter");
    const box = page.getByLabel("Your argument against the thesis");
    await expect(box).toBeFocused();
    await expectNoSeriousViolations(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Post" })).toBeFocused();
  });

  test("the seeded debate's first screen shows its top-level arguments by at least 3 members, and its branches open as focus views", async ({ page }) => {
    await page.goto(SEEDED_TOPIC);
    await page.getByRole("link", { name: SEEDED }).click();
    const args = page.getByTestId("argument");
    await expect(args.first()).toBeVisible();
    expect(await args.count()).toBe(7);
    // Nothing below the first level is sent until asked for.
    await expect(page.locator('[data-testid="argument"][data-depth="1"]')).toHaveCount(0);
    const authors = await page.locator(".argument-card header a[href^='/u/']").allTextContents();
    expect(new Set(authors).size).toBeGreaterThanOrEqual(3);
    await args.first().getByTestId("reply-count").click();
    await expect(page.locator('[data-testid="argument"][data-depth="1"]').first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

/*
 * axe on every page type, signed out and signed in as each role. Each role is one test (they run in parallel):
 * it signs in as a fresh member of that role, opens every page type, and checks the page it lands on unless it
 * was sent to the sign-in page (already checked on its own). The figures are printed at the end of each test.
 */
type Role = "visitor" | "member" | "thesis owner" | "site moderator" | "administrator";

interface Addresses {
  thesis: string;
  focus: string;
  profile: string;
  source: string;
  quoteId: string;
}

/** Addresses of real pages in the seeded debate, found the way a reader finds them. */
async function seededAddresses(page: Page): Promise<Addresses> {
  await page.goto(SEEDED_TOPIC);
  const thesis = (await page.getByRole("link", { name: SEEDED }).getAttribute("href"))!;
  await page.goto(thesis);
  const first = page.getByTestId("argument").first();
  const focus = (await first.getByRole("link", { name: /^Permalink/ }).getAttribute("href"))!;
  const profile = (await first.locator("a[href^='/u/']").first().getAttribute("href"))!;
  await page.goto("/sources");
  const source = (await page.locator("main a[href^='/sources/']:not([href='/sources/new'])").first().getAttribute("href"))!;
  await page.goto(source);
  const quoteId = (await page.locator("[id^='q-']").first().getAttribute("id"))!.slice(2);
  return { thesis, focus, profile, source, quoteId };
}

function pageTypes(a: Addresses, ownThesis: string | null): [string, string][] {
  return [
    ["home", "/"],
    ["thesis", a.thesis],
    ["focus view", a.focus],
    ["outline", `${a.thesis}/outline`],
    ["history", `${a.focus}/history`],
    ["thesis log", `${a.thesis}/log`],
    ["search", "/search?q=peace"],
    ["sources index", "/sources"],
    ["source page", a.source],
    ["new source", "/sources/new"],
    ["new thesis", "/t/new"],
    ["profile", a.profile],
    ["account settings", "/settings/account"],
    ["API token settings", "/settings/tokens"],
    ["moderation queue", "/moderation"],
    ["moderation log", "/moderation/log"],
    ["roles", "/moderation/roles"],
    ...(ownThesis ? [["thesis moderators", `/moderation/theses/${ownThesis.split("/").pop()}`] as [string, string]] : []),
    ["login", "/login"],
    ["register", "/register"],
    ["cite picker", `/cite?quote=${a.quoteId}`],
  ];
}

const FORBIDDEN = "You don’t have access to this page";

test.describe("axe on every page type for every role", () => {
  test.describe.configure({ mode: "parallel" });
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const role of ["visitor", "member", "thesis owner", "site moderator", "administrator"] as Role[]) {
    test(`as ${role}`, async ({ page }) => {
      test.setTimeout(240_000);
      let ownThesis: string | null = null;
      if (role !== "visitor") {
        const who = await register(page);
        if (role === "site moderator") grantRole(who.email, "MODERATOR");
        if (role === "administrator") grantRole(who.email, "ADMIN");
        if (role === "thesis owner") {
          await createThesis(page);
          ownThesis = new URL(page.url()).pathname;
        }
      }
      const header = page.getByRole("navigation", { name: "Main" });
      const checked: string[] = [];
      const forbidden: string[] = [];
      for (const [type, address] of pageTypes(await seededAddresses(page), ownThesis)) {
        await page.goto(address);
        const landed = new URL(page.url()).pathname;
        if (landed === "/login" && !address.startsWith("/login")) continue;
        if (await page.getByRole("heading", { level: 1, name: FORBIDDEN }).isVisible()) forbidden.push(type);
        await expectNoSeriousViolations(page);
        checked.push(type);
      }
      // Everyone who moderates something finds the queue from the header; nobody else is offered it.
      await expect(header.getByRole("link", { name: "Moderation", exact: true })).toHaveCount(role === "visitor" || role === "member" ? 0 : 1);
      // A member without the role is told why, rather than shown a "not found" for a page that exists.
      const expectedForbidden = {
        visitor: [],
        member: ["moderation queue", "moderation log", "roles"],
        "thesis owner": ["moderation log", "roles"],
        "site moderator": ["moderation log", "roles"],
        administrator: [],
      }[role];
      expect(forbidden).toEqual(expectedForbidden);
      if (role === "member") {
        expect((await page.goto("/moderation"))?.status()).toBe(403);
        await expect(page.getByTestId("forbidden-why")).toContainText("a member, and you moderate no thesis");
      }
      console.log(`axe: ${checked.length} page types checked as ${role} (${forbidden.length} of them the 403 page): ${checked.join(", ")}`);
    });
  }
});
