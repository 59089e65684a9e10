import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type ConsoleMessage } from "@playwright/test";
import { clickAndSave, register } from "./support";

// Every test starts signed out and registers its own members.
test.use({ storageState: { cookies: [], origins: [] } });

async function member(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await register(page);
  return { context, page };
}

test("pages run under a nonce-based CSP: scripts work, nothing is refused, an injected script never runs", async ({ browser }) => {
  const author = await member(browser);
  const created = await author.page.request.post("/api/v1/theses", { data: { title: `CSP ${randomUUID().slice(0, 8)}` } });
  const { thesis } = await created.json();
  const argued = await author.page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "PRO", body: "Scripts must still run." } });
  const argumentId = (await argued.json()).argument.id as string;

  const voter = await member(browser);
  const problems: string[] = [];
  const watch = (message: ConsoleMessage) => {
    if (message.type() === "error" || /Content Security Policy|Permissions-Policy/i.test(message.text())) problems.push(message.text());
  };
  voter.page.on("console", watch);
  voter.page.on("pageerror", (error) => problems.push(error.message));

  const response = await voter.page.goto(`/t/${thesis.slug}`);
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain HTTP with no trusted proxy: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Next put this request's nonce on its scripts; each request gets a new one.
  expect(await voter.page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const again = await voter.page.request.get(`/t/${thesis.slug}`);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  // Hydrated scripts work: the vote button answers.
  const convincing = voter.page.locator(`#arg-${argumentId} article`).first().getByRole("button", { name: "Convincing", exact: true });
  await clickAndSave(voter.page, convincing);
  await expect(convincing).toHaveAttribute("aria-pressed", "true");
  await voter.page.reload();
  await expect(voter.page.locator(`#arg-${argumentId} article`).first().getByRole("button", { name: "Convincing", exact: true })).toHaveAttribute("aria-pressed", "true");
  expect(problems).toEqual([]);

  // Markup injected with an inline handler (what stored XSS would be) is refused by the browser: no nonce, no run.
  const ran = await voter.page.evaluate(async () => {
    const refused = new Promise<string>((resolve) => {
      document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
      setTimeout(() => resolve("no violation reported"), 5000);
    });
    document.body.insertAdjacentHTML("beforeend", `<img alt="" src="/no-such-image.png" onerror="window.__injected = true">`);
    return { directive: await refused, injected: (window as unknown as { __injected?: boolean }).__injected ?? false };
  });
  expect(ran).toEqual({ directive: expect.stringMatching(/^script-src/), injected: false });
});

test("API answers and the embed view carry their own framing rules", async ({ request }) => {
  const api = await request.get("/api/v1/theses");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  expect(api.headers()["permissions-policy"]).toContain("microphone=()");
  // Only /t/<slug>/embed may be framed by other sites (whether or not that thesis exists, the rule is the path's).
  const embed = await request.get("/t/any-thesis/embed");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  const notEmbed = await request.get("/t/any-thesis/embed/more");
  expect(notEmbed.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
