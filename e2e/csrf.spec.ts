import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/member.json" });

/**
 * Cross-site request forgery: a page on another site makes the member's browser post with their cookie. Server
 * actions and cookie-authenticated API writes both refuse it (403 CROSS_SITE_REQUEST) and write nothing.
 */
test("writes from another site's page are refused, server actions and API alike", async ({ page }) => {
  const evil = { origin: "https://evil.example" };
  const title = `CSRF thesis ${Date.now()}`;

  const action = await page.request.post("/t/new", {
    headers: { ...evil, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ title }]),
  });
  expect(action.status()).toBe(403);
  expect((await action.json()).error.code).toBe("CROSS_SITE_REQUEST");

  // A plain HTML form post (no JavaScript: no next-action header) is refused the same way.
  const form = await page.request.post("/t/new", { headers: evil, form: { title } });
  expect(form.status()).toBe(403);

  const api = await page.request.post("/api/v1/theses", { headers: evil, data: { title } });
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("CROSS_SITE_REQUEST");

  // Nothing was written; the same API call from the site's own origin is not refused for it.
  const found = await page.request.get(`/api/v1/search?q=${encodeURIComponent(`"${title}"`)}&kind=thesis`);
  expect((await found.json()).results).toEqual([]);
  const sameSite = await page.request.post("/api/v1/theses", { headers: { origin: new URL(api.url()).origin }, data: { title: `${title} same site` } });
  expect(sameSite.status()).toBe(201);
});
