import "server-only";
import { anchorQuote, prepareText } from "@/lib/anchoring";
import { citedQuoteIds } from "@/lib/validation/citation";
import {
  THESIS_EXPORT_FORMAT,
  THESIS_EXPORT_VERSION,
  thesisExportSchema,
  type ThesisExport,
} from "@/lib/interchange/export-schema";
import { InvalidInputError } from "../errors";
import { hashSnapshot } from "../sources/hash-text";

/** Largest export file an import reads (the 10,000-argument benchmark thesis is about 8 MB). */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Problems listed in a refusal; the count of the rest is given. */
const MAX_LISTED = 20;

/** A refused import: the report names every problem found (up to MAX_LISTED), under the field `file`. */
export function importRefused(summary: string, problems: string[] = []): InvalidInputError {
  const listed = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) listed.push(`…and ${problems.length - MAX_LISTED} more problems.`);
  return new InvalidInputError(`${summary} Nothing was imported.`, { file: listed.length ? listed : [summary] });
}

/** Callers that know a file's size before reading it (a stat, a Content-Length) refuse it unread. */
export function assertImportSize(bytes: number): void {
  if (bytes > IMPORT_MAX_BYTES) {
    throw importRefused(`The file is ${megabytes(bytes)}; an import reads at most ${megabytes(IMPORT_MAX_BYTES)}.`);
  }
}

/**
 * Reads an export file and proves it can be imported as it stands: size, JSON, format and version, the schema,
 * every internal reference, every snapshot's hash, and every quote re-anchored in its snapshot with the same
 * rules as a quote saved on this site. Throws the full report on the first stage that fails; writes nothing.
 */
export function checkThesisExport(text: string): ThesisExport {
  assertImportSize(Buffer.byteLength(text, "utf8"));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw importRefused(`The file is not valid JSON (${error instanceof Error ? error.message : "unreadable"}).`);
  }
  const head = (typeof raw === "object" && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (head.format !== THESIS_EXPORT_FORMAT) {
    throw importRefused(`This is not an Agora thesis export: its "format" should be "${THESIS_EXPORT_FORMAT}".`);
  }
  if (head.version !== THESIS_EXPORT_VERSION) {
    throw importRefused(
      `Export format version ${JSON.stringify(head.version ?? null)} is not supported: this Agora reads version ${THESIS_EXPORT_VERSION}.`,
    );
  }
  const parsed = thesisExportSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(document)"}: ${issue.message}`);
    throw importRefused("The file does not match the export format.", problems);
  }
  const document = parsed.data;
  const structure = structureProblems(document);
  if (structure.length) throw importRefused("The file's parts do not fit together.", structure);
  const evidence = evidenceProblems(document);
  if (evidence.length) throw importRefused("Some evidence does not check out against its snapshot.", evidence);
  return document;
}

/** Ids are unique, every reference points inside the document, parents come before replies, revisions count from 1. */
function structureProblems(document: ThesisExport): string[] {
  const problems: string[] = [];
  const quoteIds = new Set<string>();
  const sourceIds = new Set<string>();
  for (const source of document.sources) {
    if (sourceIds.has(source.id)) problems.push(`sources: the id ${source.id} is used twice.`);
    sourceIds.add(source.id);
    for (const quote of source.quotes) {
      if (quoteIds.has(quote.id)) problems.push(`quotes: the id ${quote.id} is used twice.`);
      quoteIds.add(quote.id);
    }
  }
  const argumentIds = new Set(document.arguments.map((a) => a.id));
  if (argumentIds.size !== document.arguments.length) problems.push("arguments: an id is used twice.");
  const seen = new Set<string>();
  for (const argument of document.arguments) {
    const where = `argument ${argument.id}`;
    if (argument.parentId !== null && !seen.has(argument.parentId)) {
      problems.push(`${where}: its parent ${argument.parentId} is not an argument listed before it.`);
    }
    seen.add(argument.id);
    if (argument.duplicateOfId !== null && !argumentIds.has(argument.duplicateOfId)) {
      problems.push(`${where}: it is marked a duplicate of ${argument.duplicateOfId}, which is not in the file.`);
    }
    argument.revisions.forEach((revision, index) => {
      if (revision.number !== index + 1) problems.push(`${where}: revisions must be numbered 1, 2, 3… in order.`);
      const markers = citedQuoteIds(revision.body);
      const cited = revision.citations.map((c) => c.quoteId);
      if (markers.join() !== cited.join() || revision.citations.some((c, i) => c.number !== i + 1)) {
        problems.push(`${where}, revision ${revision.number}: its citations do not match the [[q:…]] markers of its text.`);
      }
      for (const quoteId of cited) {
        if (!quoteIds.has(quoteId)) problems.push(`${where}, revision ${revision.number}: it cites quote ${quoteId}, which is not in the file.`);
      }
    });
    if (argument.currentRevision > argument.revisions.length) {
      problems.push(`${where}: its current revision ${argument.currentRevision} does not exist.`);
    }
  }
  return problems;
}

/** Each snapshot matches its SHA-256, and each quote anchors exactly where the file says it is. */
function evidenceProblems(document: ThesisExport): string[] {
  const problems: string[] = [];
  for (const source of document.sources) {
    if (hashSnapshot(source.text) !== source.sha256) {
      problems.push(`Source "${source.title}" (${source.id}): its snapshot text does not match its SHA-256.`);
      continue;
    }
    const prepared = prepareText(source.text);
    for (const quote of source.quotes) {
      const result = anchorQuote(prepared, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, start: quote.start });
      const where = `Quote ${quote.id} in "${source.title}"`;
      if (result.status === "found") {
        if (result.selector.start !== quote.start || result.selector.end !== quote.end) {
          problems.push(`${where}: the passage is at ${result.selector.start}–${result.selector.end} in the snapshot, not ${quote.start}–${quote.end}.`);
        }
      } else if (result.status === "not_found") {
        problems.push(`${where} does not anchor in the snapshot (${result.reason === "cuts_word" ? "it cuts a word" : "the passage is not in the text"}): "${quote.exact.slice(0, 80)}".`);
      } else if (result.status === "ambiguous") {
        problems.push(`${where}: the passage occurs ${result.candidates.length} times and its offsets do not pick one.`);
      } else {
        problems.push(`${where}: ${result.reason}`);
      }
    }
  }
  return problems;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
