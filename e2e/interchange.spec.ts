import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createThesis, expectNoSeriousViolations, register } from "./support";
import { grantRole } from "./moderation-support";

const EMPTY = { storageState: { cookies: [], origins: [] } };

test("a visitor downloads a thesis from its page, and an administrator imports the file as a new thesis", async ({ browser }) => {
  const ownerContext = await browser.newContext(EMPTY);
  const owner = await ownerContext.newPage();
  await register(owner);
  const title = await createThesis(owner);
  const slug = new URL(owner.url()).pathname.split("/").pop()!;
  const posted = await owner.request.post(`/api/v1/theses/${slug}/arguments`, { data: { stance: "PRO", body: "Monitors make violations visible." } });
  expect(posted.status()).toBe(201);

  // The links under the title download the debate as the visitor sees it.
  const visitor = await (await browser.newContext(EMPTY)).newPage();
  await visitor.goto(`/t/${slug}`);
  const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("link", { name: "JSON" }).click()]);
  expect(download.suggestedFilename()).toBe(`${slug}.agora.json`);
  const file = await download.path();
  const document = JSON.parse(await readFile(file, "utf8"));
  expect(document).toMatchObject({ format: "agora.thesis-export", version: 1, thesis: { title } });
  expect(document.arguments.map((a: { revisions: { body: string }[] }) => a.revisions[0]!.body)).toEqual(["Monitors make violations visible."]);
  const [argdown] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("link", { name: "Argdown" }).click()]);
  expect(await readFile(await argdown.path(), "utf8")).toContain("<+ <");

  // An administrator imports it from the review queue's "Import a thesis".
  const adminContext = await browser.newContext(EMPTY);
  const admin = await adminContext.newPage();
  const who = await register(admin);
  expect(grantRole(who.email, "ADMIN")).toMatch(/is now an administrator/);
  await admin.goto("/moderation");
  await admin.getByRole("link", { name: "Import a thesis" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Import a thesis" })).toBeVisible();
  await expectNoSeriousViolations(admin);

  // A file of another version is refused with the reason, and nothing is imported.
  await admin.getByLabel("Export file (.json)").setInputFiles({ name: "old.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...document, version: 2 })) });
  await admin.getByRole("button", { name: "Import" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "version 2" })).toContainText("Export format version 2 is not supported: this Agora reads version 1. Nothing was imported.");

  await admin.getByLabel("Export file (.json)").setInputFiles(file);
  await admin.getByRole("button", { name: "Import" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Imported as" })).toContainText(`Imported as /t/${slug}-2: 1 arguments`);
  await admin.getByRole("link", { name: `/t/${slug}-2` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(admin.getByText("Monitors make violations visible.", { exact: true })).toBeVisible();
});
