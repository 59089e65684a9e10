import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createThesis, expectNoSeriousViolations, register, SEEDED_TOPIC } from "./support";

/** Selects `passage` inside the snapshot as a reader would with the mouse (a DOM range over its text). */
async function selectInSnapshot(page: Page, passage: string) {
  await page.evaluate((text) => {
    const runs = Array.from(document.querySelectorAll<HTMLElement>("#snapshot [data-o]"));
    for (const run of runs) {
      const node = run.firstChild;
      const at = node?.textContent?.indexOf(text) ?? -1;
      if (node && at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`"${text}" is not in the snapshot`);
  }, passage);
}

test("quote a passage from a source, cite it in an argument, preview the footnote, and see it highlighted in the source", async ({ page }) => {
  await register(page);
  const tag = randomUUID().slice(0, 8);
  const title = `Harbour ferries report ${tag}`;
  const passage = `The councils say the new vessels will cut fuel costs by “more than half” within five years (${tag}).`;
  const text = [
    "Three harbour towns on the northern coast have ordered electric ferries to replace their diesel boats.",
    passage,
    "Critics point out that the batteries must be replaced every eight to ten years.",
  ].join("\n\n");

  // Add a source by pasting its text.
  await page.goto("/sources/new");
  await page.getByRole("radio", { name: "Paste the text" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publisher (optional)").fill("The Coastal Ledger");
  await page.getByLabel("Text of the source").fill(text);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("capture-method")).toContainText("Text supplied by");
  const sourceUrl = page.url();

  // A misquote is refused, with the real passage offered.
  await page.getByLabel("Passage to quote").fill("Critics point out that the batteries must be replaced every five to ten years.");
  await page.getByRole("button", { name: "Save quote" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not in the source's text" })).toBeVisible();
  await expect(page.getByTestId("quote-suggestion")).toContainText("every eight to ten years");
  await expect(page.getByTestId("quote")).toHaveCount(0);

  // Select the passage on the page and save it as a quote.
  await selectInSnapshot(page, passage);
  await page.getByRole("button", { name: /^Quote the selection/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Quote saved" })).toBeVisible();
  await expect(page.getByTestId("quote")).toHaveCount(1);
  await expect(page.locator("#snapshot mark")).toHaveText(passage);

  // Cite it in a new argument.
  await createThesis(page);
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  const box = page.getByLabel("Your argument for the thesis");
  await box.fill("Electric ferries pay for themselves.");
  await page.getByRole("button", { name: "Cite" }).click();
  const dialog = page.getByRole("dialog", { name: "Cite a quote" });
  await dialog.getByLabel("Search quotes and sources").fill(tag);
  await dialog.getByRole("button", { name: new RegExp(`more than half.*${tag}`) }).click();
  await expect(dialog).toBeHidden();
  await expect(box).toHaveValue(/^Electric ferries pay for themselves\. \[\[q:[a-z0-9]+\]\]$/);
  await page.getByRole("button", { name: "Post" }).click();

  // The argument shows a numbered reference whose preview shows the quote, on hover and on keyboard focus.
  const argument = page.getByTestId("argument").filter({ hasText: "Electric ferries pay for themselves." });
  const ref = argument.getByTestId("citation-ref");
  await expect(ref).toHaveText(/\[1\]/);
  await expect(argument.getByText("[[q:")).toHaveCount(0);
  const preview = argument.getByRole("tooltip");
  await expect(preview).toBeHidden();
  await ref.hover();
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(passage);
  await expect(preview).toContainText(title);
  await expect(preview).toContainText("The Coastal Ledger");
  await page.mouse.move(0, 0);
  await expect(preview).toBeHidden();
  await ref.focus();
  await expect(preview).toBeVisible();
  // Escape dismisses it without moving focus (WCAG 1.4.13); it opens again once focus comes back.
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();
  await expect(ref).toBeFocused();
  await ref.blur();
  await ref.focus();
  await expect(preview).toBeVisible();
  // The compact card counts its citations; its focus view lists the footnotes in full.
  await expect(argument.getByTestId("citation-count")).toHaveText("1 citation");
  await argument.getByRole("link", { name: /^Permalink/ }).click();
  const focus = page.locator('[data-testid="argument"]:has(.argument-card[data-focused="true"])');
  await expect(focus.getByTestId("footnote")).toContainText(passage);
  await focus.getByTestId("citation-ref").hover();

  // The preview links to the highlighted passage; the source lists the argument.
  await focus.getByRole("tooltip").getByRole("link", { name: "See the passage in the source" }).click();
  await expect(page).toHaveURL(new RegExp(`${new URL(sourceUrl).pathname}#q-[a-z0-9]+$`));
  const highlight = page.locator("#snapshot mark");
  await expect(highlight).toHaveText(passage);
  await expect(highlight).toBeInViewport();
  await expect(page.getByTestId("cited-by")).toContainText("Electric ferries pay for themselves.");
  await expect(page.getByTestId("quote")).toContainText("Cited by");
});

test("a repeated passage is quoted by choosing its occurrence", async ({ page }) => {
  await register(page);
  const tag = randomUUID().slice(0, 8);
  await page.goto("/sources/new");
  await page.getByRole("radio", { name: "Paste the text" }).click();
  await page.getByLabel("Title").fill(`Minutes ${tag}`);
  await page.getByLabel("Text of the source").fill(`Item one was discussed. The motion passed.\n\nItem two was discussed. The motion passed.`);
  await page.getByRole("button", { name: "Add source" }).click();
  await page.getByLabel("Passage to quote").fill("The motion passed.");
  await page.getByRole("button", { name: "Save quote" }).click();
  await expect(page.getByRole("group", { name: "Which occurrence do you mean?" })).toBeVisible();
  await page.getByRole("button", { name: /Item two was discussed\. The motion passed\./ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Quote saved" })).toBeVisible();
  const marks = page.locator("#snapshot mark");
  await expect(marks).toHaveCount(1);
  // The second paragraph holds the highlight.
  await expect(page.locator("#snapshot p").nth(1).locator("mark")).toHaveText("The motion passed.");
});

test("a source page has no serious accessibility violations", async ({ page }) => {
  await page.goto(SEEDED_TOPIC);
  await page.getByRole("link", { name: "Putin cannot accept a peace deal that secures Ukrainian statehood" }).click();
  const ref = page.getByTestId("citation-ref").first();
  await expect(ref).toBeVisible();
  await ref.focus();
  await page.getByRole("tooltip").filter({ visible: true }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Snapshot text" })).toBeVisible();
  await expect(page.locator("#snapshot mark").first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test.describe("REST API", () => {
  test.use({ storageState: "e2e/.auth/member.json" });

  test("adds a pasted source, quotes it (misquote and repeat refused with details), cites it, and refuses unsafe URLs", async ({ page }) => {
    const tag = randomUUID().slice(0, 8);
    const created = await page.request.post("/api/v1/sources", {
      data: { title: `API source ${tag}`, publisher: "API Press", publishedAt: "2025-02-03", text: `Alpha sentence ${tag}. The end.\n\nBeta sentence ${tag}. The end.` },
    });
    expect(created.status()).toBe(201);
    const { source } = await created.json();
    expect(source.captureMethod).toBe("PASTED");

    const quotes = `/api/v1/sources/${source.id}/quotes`;
    const misquote = await page.request.post(quotes, { data: { exact: `Gamma sentence ${tag}.` } });
    expect(misquote.status()).toBe(422);
    const refused = await misquote.json();
    expect(refused.error.code).toBe("QUOTE_NOT_FOUND");
    expect(refused.error.message).toMatch(/not in the source's text/);
    expect(refused.error.details.suggestion.exact).toContain("sentence");

    const repeated = await page.request.post(quotes, { data: { exact: "The end." } });
    expect(repeated.status()).toBe(422);
    const { details } = (await repeated.json()).error;
    expect(details.candidates).toHaveLength(2);
    const chosen = await page.request.post(quotes, { data: { exact: "The end.", start: details.candidates[1].start } });
    expect(chosen.status()).toBe(201);
    const { quote } = await chosen.json();
    expect(quote.start).toBe(details.candidates[1].start);
    expect(quote.prefix).toContain(`Beta sentence ${tag}.`);

    const tooLong = await page.request.post(quotes, { data: { exact: "x".repeat(1001) } });
    expect(tooLong.status()).toBe(422);
    expect((await tooLong.json()).error.fields.exact[0]).toMatch(/at most 1,000 characters/);

    const fetched = await page.request.get(`/api/v1/sources/${source.id}`);
    expect(fetched.status()).toBe(200);
    const body = await fetched.json();
    expect(body.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.quotes.map((q: { id: string }) => q.id)).toContain(quote.id);

    // Citing through the API: a real quote is accepted, a missing one refused with a field message.
    const thesis = (await (await page.request.post("/api/v1/theses", { data: { title: `API thesis ${tag}` } })).json()).thesis;
    const cited = await page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "PRO", body: `It ends [[q:${quote.id}]]` } });
    expect(cited.status()).toBe(201);
    const missing = await page.request.post(`/api/v1/theses/${thesis.slug}/arguments`, { data: { stance: "CON", body: "Trust me [[q:nosuchquote1]]" } });
    expect(missing.status()).toBe(422);
    expect((await missing.json()).error.fields.body[0]).toMatch(/does not exist/);

    // Unsafe or unsupported URLs are refused before anything is fetched or stored.
    for (const [url, message] of [
      ["ftp://example.com/file", /starting with http:\/\/ or https:\/\//],
      ["http://169.254.169.254/latest/meta-data/", /Refused to fetch.*metadata/],
      ["http://[::ffff:169.254.169.254]/", /Refused to fetch.*metadata/],
      ["http://10.0.0.1/", /Refused to fetch/],
    ] as const) {
      const response = await page.request.post("/api/v1/sources", { data: { url } });
      expect(response.status(), url).toBe(422);
      const json = await response.json();
      expect(json.error.message + JSON.stringify(json.error.fields), url).toMatch(message);
    }
    expect((await page.request.get("/api/v1/sources/doesnotexist")).status()).toBe(404);
  });
});

test.describe("adding a source by URL", () => {
  let server: Server;
  let base: string;
  test.beforeAll(async () => {
    const article = readFileSync(path.join(__dirname, "../tests/fixtures/sources/article.html"), "utf8");
    server = createServer((req, res) => {
      if (req.url?.startsWith("/news/")) {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        return res.end(article);
      }
      res.writeHead(200, { "Content-Type": "application/pdf" });
      res.end("%PDF-1.4");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test("fetches a page into a snapshot, and the same URL gives the same source", async ({ page }) => {
    await register(page);
    const slug = `harbour-${randomUUID().slice(0, 8)}`;
    await page.goto("/sources/new");
    const url = page.getByLabel("Web address of the page");
    await url.fill(`${base}/report.pdf`);
    await page.getByRole("button", { name: "Fetch and add source" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not an HTML page" })).toBeVisible();
    await expect(url).toHaveValue(`${base}/report.pdf`);

    await url.fill(`${base}/news/${slug}?utm_source=mail`);
    await page.getByRole("button", { name: "Fetch and add source" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Harbour towns bet on electric ferries" })).toBeVisible();
    await expect(page.getByTestId("capture-method")).toContainText("Fetched by Agora");
    await expect(page.getByText("The Coastal Ledger", { exact: true })).toBeVisible();
    await expect(page.getByText("Marta Lindqvist", { exact: true })).toBeVisible();
    await expect(page.locator("#snapshot")).toContainText("Three harbour towns on the northern coast");
    await expect(page.locator("#snapshot")).not.toContainText("NAVIGATION_BOILERPLATE");
    const first = page.url();

    await page.goto("/sources/new");
    await page.getByLabel("Web address of the page").fill(`${base}/news/${slug}#comments`);
    await page.getByRole("button", { name: "Fetch and add source" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Harbour towns bet on electric ferries" })).toBeVisible();
    expect(page.url()).toBe(first);
  });
});
