import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createThesis, expectNoSeriousViolations, register } from "./support";

/** A pasted source with one quote, through the API as the signed-in member: the composer is what is tested here. */
async function sourceWithQuote(page: Page) {
  const tag = randomUUID().slice(0, 8);
  const title = `Grid operators' winter review ${tag}`;
  const exact = `Coal plants covered most of the shortfall left by the closed reactors (${tag}).`;
  const created = await page.request.post("/api/v1/sources", {
    data: { title, publisher: "Energy Desk", text: `Winter was mild.\n\n${exact}\n\nImports rose too.` },
  });
  expect(created.status()).toBe(201);
  const { source } = await created.json();
  const quoted = await page.request.post(`/api/v1/sources/${source.id}/quotes`, { data: { exact } });
  expect(quoted.status()).toBe(201);
  return { tag, title, exact, quoteId: (await quoted.json()).quote.id as string };
}

test("the composer previews the footnotes that will be published and lists cited quotes by source", async ({ page }) => {
  await register(page);
  const { tag, title, exact } = await sourceWithQuote(page);
  await createThesis(page);
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  const box = page.getByLabel("Your argument for the thesis");
  await box.fill("Closing reactors early *raised* emissions.");

  await page.getByRole("button", { name: "Cite" }).click();
  const dialog = page.getByRole("dialog", { name: "Cite a quote" });
  await dialog.getByLabel("Search quotes and sources").fill(tag);
  await dialog.getByRole("button", { name: new RegExp(`shortfall.*${tag}`) }).click();
  await expect(dialog).toBeHidden();
  await expect(box).toHaveValue(/\[\[q:[a-z0-9]+\]\]$/);

  // The marker is listed by its source and opening words, with a remove button of its own.
  const chips = page.getByRole("region", { name: "Cited quotes" }).getByTestId("cited-quote");
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText(title);
  await expect(chips.first()).toContainText("Coal plants covered most of the shortfall left");
  await expect(page.getByRole("button", { name: `Remove citation 1: ${title}` })).toBeVisible();

  // Preview, from the keyboard: the rendered Markdown with the numbered reference and its footnote.
  const write = page.getByRole("tab", { name: "Write" });
  await write.focus();
  await page.keyboard.press("ArrowRight");
  const previewTab = page.getByRole("tab", { name: "Preview" });
  await expect(previewTab).toBeFocused();
  await expect(previewTab).toHaveAttribute("aria-selected", "true");
  const preview = page.getByRole("tabpanel", { name: "Preview" });
  await expect(preview.locator("em", { hasText: "raised" })).toBeVisible();
  await expect(preview.getByTestId("citation-ref")).toHaveText(/\[1\]/);
  await expect(preview.getByTestId("footnote")).toContainText(exact);
  await expect(preview.getByTestId("footnote")).toContainText(title);
  await expect(preview.getByText("[[q:")).toHaveCount(0);
  await expect(box).toBeHidden();
  await expectNoSeriousViolations(page);

  // Back to Write; removing the entry removes the marker from the text.
  await page.keyboard.press("ArrowLeft");
  await expect(write).toHaveAttribute("aria-selected", "true");
  await expect(box).toBeVisible();
  await page.getByRole("button", { name: `Remove citation 1: ${title}` }).click();
  await expect(box).toHaveValue("Closing reactors early *raised* emissions.");
  await expect(chips).toHaveCount(0);
});

test("the edit history marks a typo fix as minor and shows each edit as a word diff", async ({ page }) => {
  await register(page);
  const { title, quoteId } = await sourceWithQuote(page);
  await createThesis(page);
  await page.getByRole("button", { name: "+ Add an argument for" }).click();
  const original = `Closing the reactors early raised emissions in Germnay, because coal filled the gap [[q:${quoteId}]].`;
  await page.getByLabel("Your argument for the thesis").fill(original);
  await page.getByRole("button", { name: "Post" }).click();
  const argument = page.getByTestId("argument").filter({ hasText: "Closing the reactors early" });
  await expect(argument).toHaveCount(1);

  // An edit starts from the saved text, whose marker is listed by its source.
  await argument.getByRole("button", { name: "Edit" }).click();
  const box = argument.getByLabel("Edit your argument");
  await expect(argument.getByTestId("cited-quote")).toContainText(title);
  // A typo fix, then a change of meaning.
  await box.fill(original.replace("Germnay", "Germany"));
  await argument.getByRole("button", { name: "Save" }).click();
  await expect(argument).toContainText("emissions in Germany");
  // The form closes once the save is in: "Edit" reopens it only after that.
  await expect(box).toHaveCount(0);
  await argument.getByRole("button", { name: "Edit" }).click();
  await box.fill(original.replace("Germnay", "Germany").replace("raised", "did not lower"));
  await argument.getByRole("button", { name: "Save" }).click();
  await expect(argument).toContainText("did not lower");
  // Saved, not only typed: the text above can come from the open form, and the history read before the save is in
  // held two versions on a busy machine.
  await expect(box).toHaveCount(0);

  const edited = argument.getByRole("link", { name: /edited/ });
  await expect(edited).toBeVisible();
  await edited.click();
  await expect(page.getByRole("heading", { name: "Edit history" })).toBeVisible();
  const revisions = page.getByTestId("revision");
  await expect(revisions).toHaveCount(3);
  // Labels are separate words, not "Version 3current".
  await expect(revisions.nth(0).getByRole("heading", { level: 2 })).toContainText(/Version 3, current, by /);
  await expect(revisions.nth(0)).not.toContainText("minor edit");
  await expect(revisions.nth(1).getByRole("heading", { level: 2 })).toContainText(/Version 2, minor edit, by /);
  await expect(revisions.nth(2)).not.toContainText("minor edit");

  const majorDiff = revisions.nth(0).getByTestId("revision-diff");
  await expect(majorDiff.locator("del")).toContainText(["raised"]);
  await expect(majorDiff.locator("ins")).toContainText(["did not lower"]);
  // Readable without colour or sight: the marks say what they are to screen readers.
  await expect(majorDiff.locator("ins").first()).toContainText("inserted:");
  // The citation in the diff is named by its source, not by its raw id.
  await expect(majorDiff).toContainText(`quote: ${title}`);
  await expect(majorDiff).not.toContainText(quoteId);
  const typoDiff = revisions.nth(1).getByTestId("revision-diff");
  await expect(typoDiff.locator("del")).toHaveText(["[deleted: Germnay]"]);
  await expect(typoDiff.locator("ins")).toHaveText(["[inserted: Germany]"]);
  await expect(revisions.nth(2).getByTestId("revision-diff")).toHaveCount(0);

  await expectNoSeriousViolations(page);
});
