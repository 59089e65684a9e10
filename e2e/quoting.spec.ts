import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createThesis, expectNoSeriousViolations, register } from "./support";

/** Selects `passage` inside the snapshot (a DOM range over its text), as a reader would. */
async function selectInSnapshot(page: Page, passage: string) {
  await page.evaluate((text) => {
    for (const run of Array.from(document.querySelectorAll<HTMLElement>("#snapshot [data-o]"))) {
      const node = run.firstChild;
      const at = node?.textContent?.indexOf(text) ?? -1;
      if (node && at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`"${text}" is not in the snapshot`);
  }, passage);
}

async function pasteSource(page: Page, title: string, text: string) {
  await page.goto("/sources/new");
  await page.getByRole("radio", { name: "Paste the text" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text of the source").fill(text);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("quote at the selection with the keyboard, then cite it in an argument through the thesis picker", async ({ page }) => {
  await register(page);
  const tag = randomUUID().slice(0, 8);
  const thesisTitle = await createThesis(page, `Ferries ${tag} are worth their cost`);
  const passage = `Fuel costs fell by forty per cent in the first year (${tag}).`;
  await pasteSource(page, `Ferry report ${tag}`, `The new ferries entered service in May.\n\n${passage}\n\nRepairs were rare.`);

  // The Quote button appears at the selection; Q does the same from the keyboard.
  await expect(page.getByTestId("quote-at-selection")).toHaveCount(0);
  await selectInSnapshot(page, passage);
  const button = page.getByRole("button", { name: /^Quote the selection/ });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-keyshortcuts", "q");
  const box = await button.boundingBox();
  const mark = await page.locator("#snapshot").getByText(passage, { exact: false }).boundingBox();
  // Beside the selection, not in the sidebar: its top is within a line or two below the passage's end.
  expect(Math.abs(box!.y - (mark!.y + mark!.height))).toBeLessThan(60);
  await page.keyboard.press("q");
  const saved = page.getByRole("status").filter({ hasText: "Quote saved" });
  await expect(saved).toBeVisible();
  await expect(page.locator("#snapshot mark")).toHaveText(passage);

  // "Cite it in an argument": pick the thesis, the composer opens against it with the quote cited.
  await saved.getByRole("link", { name: "Cite it in an argument" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cite a quote in an argument" })).toBeVisible();
  await expect(page.getByRole("figure")).toContainText(passage);
  await expectNoSeriousViolations(page);
  await page.getByLabel("Find a thesis").fill(tag);
  await page.getByRole("button", { name: "Search theses" }).click();
  await page.getByRole("link", { name: `Argue against “${thesisTitle}” with this quote` }).click();
  const composer = page.getByLabel("Your argument against the thesis");
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue(/^ \[\[q:[a-z0-9]+\]\]$/);
  await expect(page.getByTestId("cited-quote")).toContainText(`Ferry report ${tag}: Fuel costs fell by forty per cent`);
  await page.keyboard.type("The savings are real.");
  await expect(composer).toHaveValue(/^The savings are real\. \[\[q:[a-z0-9]+\]\]$/);
  await page.getByRole("button", { name: "Post" }).click();
  const card = page.getByTestId("argument").filter({ hasText: "The savings are real." });
  await expect(card.getByTestId("citation-count")).toHaveText("1 citation");
});

test("a broken cite link says so and opens no composer", async ({ page }) => {
  await register(page);
  await createThesis(page);
  await page.goto(`${page.url()}?cite=nosuchquote123`);
  await expect(page.getByTestId("page-notice")).toContainText("does not exist or was hidden");
  await expect(page.getByRole("button", { name: "Post" })).toHaveCount(0);
});

test.describe("Check the live page", () => {
  const pages = new Map<string, string>();
  let server: Server;
  let base: string;
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const html = pages.get(req.url ?? "");
      res.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(html ?? "<p>gone</p>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test("reports quotes present, moved and gone, stores a new snapshot, and the old one says the page changed", async ({ page }) => {
    await register(page);
    const pathname = `/live/${randomUUID().slice(0, 8)}`;
    const article = readFileSync(path.join(__dirname, "../tests/fixtures/sources/article.html"), "utf8").replace(
      'href="/news/harbour-ferries?utm_source=feed"',
      `href="${pathname}"`,
    );
    pages.set(pathname, article);
    await page.goto("/sources/new");
    await page.getByLabel("Web address of the page").fill(base + pathname);
    await page.getByRole("button", { name: "Fetch and add source" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Harbour towns bet on electric ferries" })).toBeVisible();
    const firstSnapshot = page.url();
    for (const passage of ["The first ferry is due to enter service next spring.", "Other towns are watching closely."]) {
      await page.getByLabel("Passage to quote").fill(passage);
      await page.getByRole("button", { name: "Save quote" }).click();
      await expect(page.getByTestId("quote").filter({ hasText: passage })).toBeVisible();
    }

    // Unchanged: said so, nothing stored.
    await page.getByRole("button", { name: "Check the live page" }).click();
    await expect(page.getByRole("status").filter({ hasText: "still has the same text" })).toBeVisible();
    await expect(page.getByTestId("live-check-report").locator('[data-status="present"]')).toHaveCount(2);

    // Changed: one quote gone, one moved.
    pages.set(
      pathname,
      article
        .replace("The first ferry is due to enter service next spring.", "The first ferry is delayed.")
        .replace("<p>Other towns", "<p>Update: a fourth town has joined.</p><p>Other towns"),
    );
    await page.getByRole("button", { name: "Check the live page" }).click();
    await expect(page.getByRole("status").filter({ hasText: "has changed since this snapshot" })).toBeVisible();
    const report = page.getByTestId("live-check-report");
    await expect(report.locator('[data-status="gone"]')).toContainText("The first ferry is due to enter service next spring.");
    await expect(report.locator('[data-status="moved"]')).toContainText("Other towns are watching closely.");
    await page.getByRole("link", { name: "Open the new snapshot" }).click();
    await expect(page.locator("#snapshot")).toContainText("The first ferry is delayed.");
    await expect(page.getByRole("link", { name: /^Snapshot of / })).toBeVisible();

    // The checked snapshot keeps its text and quotes, and says the page has changed since.
    await page.goto(firstSnapshot);
    await expect(page.getByTestId("newer-snapshot")).toContainText("The live page has changed since this snapshot");
    await expect(page.locator("#snapshot")).toContainText("The first ferry is due to enter service next spring.");
    await expect(page.getByTestId("quote")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Check the live page" })).toHaveCount(0);
  });
});
