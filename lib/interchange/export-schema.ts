import { z } from "zod";
import { QUOTE_MAX_LENGTH } from "@/lib/anchoring";
import { LIMITS } from "@/lib/validation/limits";

/**
 * The thesis export document (`format: "agora.thesis-export"`, version 1): one thesis with everything needed to
 * rebuild it on another Agora. Ids are the exporting site's and serve only to link the parts of the document;
 * an import gives everything new ids. Votes and stances travel as counts, never as who voted.
 *
 * The JSON Schema published at /api/v1/schemas/thesis-export.json is generated from this file, so the schema a
 * reader validates against and the one the import parses with cannot drift apart. A change that an importer of
 * version 1 could not read needs version 2.
 */
export const THESIS_EXPORT_FORMAT = "agora.thesis-export";
export const THESIS_EXPORT_VERSION = 1;

const id = z.string().min(1).max(64).regex(/^[a-z0-9]+$/, "Ids are lower-case letters and digits.");
const time = z.iso.datetime();
const count = z.number().int().min(0);
const visibility = z.enum(["VISIBLE", "HIDDEN"]);
const note = z.string().max(1_000).nullable();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "A SHA-256 is 64 lower-case hex digits.");

/** Who wrote something, as the exporting site names them (never their email). */
const person = z.object({ handle: z.string().min(1).max(64), name: z.string().min(1).max(200) });

export const exportQuoteSchema = z.object({
  id,
  // W3C Web Annotation TextQuote + TextPosition selectors, offsets in the source's `text`.
  exact: z.string().min(1).max(QUOTE_MAX_LENGTH),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  start: count,
  end: count,
  createdBy: person,
  createdAt: time,
  visibility,
  moderationNote: note,
});

export const exportSourceSchema = z.object({
  id,
  url: z.string().max(4_000).nullable(),
  canonicalUrl: z.string().max(4_000).nullable(),
  finalUrl: z.string().max(4_000).nullable(),
  title: z.string().min(1).max(1_000),
  publisher: z.string().max(1_000).nullable(),
  byline: z.string().max(1_000).nullable(),
  publishedAt: time.nullable(),
  captureMethod: z.enum(["FETCHED", "PASTED"]),
  capturedAt: time,
  contentType: z.string().max(200).nullable(),
  /** The stored snapshot the quotes are anchored in, and its SHA-256 (UTF-8). */
  text: z.string(),
  sha256,
  addedBy: person,
  createdAt: time,
  visibility,
  moderationNote: note,
  quotes: z.array(exportQuoteSchema),
});

export const exportRevisionSchema = z.object({
  number: z.number().int().min(1),
  /** Markdown with `[[q:<quote id>]]` citation markers, the quote ids being this document's. */
  body: z.string().min(1).max(LIMITS.argumentBody * 2),
  editor: person,
  minor: z.boolean(),
  createdAt: time,
  /** The revision's footnotes: number → quote of this document. */
  citations: z.array(z.object({ number: z.number().int().min(1), quoteId: id })),
});

export const exportArgumentSchema = z.object({
  id,
  /** Null for a top-level argument on the thesis. */
  parentId: id.nullable(),
  /** Toward the parent: PRO supports it, CON attacks it. */
  stance: z.enum(["PRO", "CON"]),
  author: person,
  createdAt: time,
  editedAt: time.nullable(),
  status: visibility,
  moderationNote: note,
  duplicateOfId: id.nullable(),
  /** Number of the revision shown now (the votes' revision). */
  currentRevision: z.number().int().min(1),
  /** Every saved body, oldest first. */
  revisions: z.array(exportRevisionSchema).min(1),
  /** Current votes and votes left on earlier revisions ("stale"): counts only. */
  votes: z.object({ up: count, down: count, staleUp: count, staleDown: count }),
  /** DF-QuAD strength of its branch (0–1), as the exporting site stored it; an import recomputes it. */
  strength: z.number().min(0).max(1),
});

export const exportLogEntrySchema = z.object({
  seq: z.number().int().min(1),
  action: z.string().min(1).max(100),
  actorRole: z.string().min(1).max(100),
  actor: person,
  targetType: z.enum(["THESIS", "ARGUMENT", "SOURCE", "QUOTE", "USER"]),
  targetId: z.string().min(1).max(64),
  reason: z.string().max(1_000).nullable(),
  details: z.json().nullable(),
  createdAt: time,
  /** The exporting site's hash chain (server/moderation/log.ts): checkable there, kept here as a record. */
  prevHash: sha256,
  hash: sha256,
});

export const stanceCountsSchema = z.object({ "-2": count, "-1": count, "0": count, "1": count, "2": count });

export const thesisExportSchema = z.object({
  format: z.literal(THESIS_EXPORT_FORMAT),
  version: z.literal(THESIS_EXPORT_VERSION),
  exportedAt: time,
  /**
   * `complete`: everything, hidden arguments included (exported by someone who moderates the thesis).
   * `public`: what a visitor reads: hidden arguments and the branches under them, and hidden sources and quotes,
   * are left out.
   */
  scope: z.enum(["complete", "public"]),
  thesis: z.object({
    id,
    slug: z.string().min(1).max(200),
    title: z.string().min(1).max(LIMITS.thesisTitle),
    body: z.string().max(LIMITS.thesisBody),
    author: person,
    createdAt: time,
    status: z.enum(["OPEN", "LOCKED"]),
    visibility,
    moderationNote: note,
    /** DF-QuAD strength as stored by the exporting site; an import recomputes it from the votes. */
    strength: z.number().min(0).max(1),
    /** Members per position on the thesis, strongly disagree (−2) … strongly agree (2). */
    stances: stanceCountsSchema,
  }),
  sources: z.array(exportSourceSchema),
  /** Parents before their replies. */
  arguments: z.array(exportArgumentSchema),
  /** The thesis's public moderation log, oldest first. */
  moderationLog: z.array(exportLogEntrySchema),
});

export type ThesisExport = z.infer<typeof thesisExportSchema>;
export type ExportArgument = z.infer<typeof exportArgumentSchema>;
export type ExportSource = z.infer<typeof exportSourceSchema>;
export type ExportLogEntry = z.infer<typeof exportLogEntrySchema>;
export type ExportPerson = z.infer<typeof person>;

/** The published JSON Schema (draft 2020-12) of the export document. */
export function thesisExportJsonSchema() {
  return {
    title: "Agora thesis export, version 1",
    ...z.toJSONSchema(thesisExportSchema),
  };
}
