import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** axe on the page as it stands: no serious or critical violation (the first three elements of each are named). */
export async function expectNoSeriousViolations(page: Page) {
  // Only violations are read: collecting every passing node as well makes each run several times slower.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  // On a page without frames, axe.run in the page itself (legacy mode) checks the same rules on the same nodes as the
  // default runPartial + finishRun, minus the blank page finishRun opens and loads axe into on every call: that
  // blank page was half of each check's time. A page with a frame keeps the default, frame-by-frame run.
  if (page.frames().length === 1) builder.setLegacyMode();
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

export const PASSWORD = "e2e password 123";

/** The seeded demo debate's thesis (prisma/seed). */
export const SEEDED_THESIS = "Putin cannot accept a peace deal that secures Ukrainian statehood";
/**
 * A page that always lists the seeded thesis: its topic's. The home page is paged, and the theses other specs open
 * meanwhile push the seeded one off its first page.
 */
export const SEEDED_TOPIC = "/topics/russia-ukraine-war";

/** A unique member per test: no test depends on another's data. */
export function newMember() {
  const tag = randomUUID().slice(0, 8);
  return { email: `e2e-${tag}@example.test`, name: `Tester ${tag}`, password: PASSWORD };
}

export async function register(page: Page, member = newMember()) {
  await page.goto("/register");
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Display name").fill(member.name);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(member.name);
  return member;
}

export async function createThesis(page: Page, title = `E2E thesis ${randomUUID().slice(0, 8)}`) {
  await page.goto("/t/new");
  await page.getByLabel("Thesis").fill(title);
  await page.getByRole("button", { name: "Open thesis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return title;
}

/**
 * Clicks a control that calls a server action and waits until the server has answered it: the control shows its new
 * state before the answer (optimistically), so a reload right after the click could beat the write.
 */
export async function clickAndSave(page: Page, control: Locator) {
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && "next-action" in response.request().headers());
  await control.click();
  expect((await saved).ok()).toBe(true);
}
