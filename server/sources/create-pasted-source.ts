import "server-only";
import { db } from "../db";
import type { CurrentUser } from "../auth/current-user";
import type { AddPastedSourceInput } from "@/lib/validation/source";
import { hashSnapshot } from "./hash-text";
import { sourceSummarySelect } from "./source-select";
import { limitRule, withLimits } from "../access/limits";

/** Line endings and trailing spaces are the paste's, not the author's: the stored text is tidied once, then fixed. */
export function tidyPastedText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A source whose text a member supplies (paywalled, offline or print): shown as "text supplied by <member>",
 * never as a fetched snapshot. Pasted sources have no canonical URL, so two pastes stay two sources.
 * Limited per member by count and by bytes: a paste refused by either limit, or failing, counts against neither.
 */
export async function createPastedSource({ actor, input }: { actor: Pick<CurrentUser, "id">; input: AddPastedSourceInput }) {
  const text = tidyPastedText(input.text);
  const key = `user:${actor.id}`;
  const charges = [
    { rule: limitRule("sourcePaste"), key },
    { rule: limitRule("sourcePasteBytes"), key, cost: Buffer.byteLength(text, "utf8") },
  ];
  return withLimits(charges, () => insertPastedSource(actor, input, text));
}

function insertPastedSource(actor: Pick<CurrentUser, "id">, input: AddPastedSourceInput, text: string) {
  return db.source.create({
    data: {
      canonicalUrl: null,
      url: input.url,
      title: input.title,
      publisher: input.publisher,
      byline: input.byline,
      publishedAt: input.publishedAt,
      captureMethod: "PASTED",
      capturedAt: new Date(),
      text,
      sha256: hashSnapshot(text),
      contentType: "text/plain",
      addedById: actor.id,
    },
    select: sourceSummarySelect,
  });
}
