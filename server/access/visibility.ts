import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { isGlobalModerator, type GlobalRole } from "./permissions";

/**
 * What each viewer may see: the one place loaders take their filters from (Prisma `where` fragments and raw SQL
 * conditions alike), so a new loader cannot forget a rule. The rules:
 *
 * - A hidden thesis keeps its page, but its title and description reach only its owner, its appointed
 *   moderators and site moderators; everyone else gets HIDDEN_THESIS_TITLE. Listings leave it out for everyone.
 *   Wherever another page names the thesis (a profile, an edit history, a source's "cited by"), viewers who may
 *   not read it do not get the entry at all, or get the placeholder title.
 * - A hidden argument keeps its place in the tree; its text reaches only its author and its thesis's moderators.
 * - Hidden sources and quotes (and quotes of hidden sources) leave listings and footnotes; their text reaches
 *   only site moderators (through search).
 */

/** Who is looking: decides whether hidden text is sent at all. Null for signed-out visitors. */
export type Viewer = { id: string; role: GlobalRole } | null | undefined;

export const HIDDEN_THESIS_TITLE = "Hidden thesis";

/** Listings (home page, sources index, cite picker) show no hidden content to anyone. */
export const listedThesisWhere = { visibility: "VISIBLE" } as const satisfies Prisma.ThesisWhereInput;
export const listedSourceWhere = { visibility: "VISIBLE" } as const satisfies Prisma.SourceWhereInput;
export const listedQuoteWhere = { visibility: "VISIBLE", source: listedSourceWhere } as const satisfies Prisma.QuoteWhereInput;

/** The listings' rules as SQL conditions on a table alias (lists and counts, e.g. a source's "cited by"). */
export const listedSql = {
  argument: (alias = "a") => Prisma.sql`${Prisma.raw(`"${alias}"`)}."status" = 'VISIBLE'`,
  source: (alias = "s") => Prisma.sql`${Prisma.raw(`"${alias}"`)}."visibility" = 'VISIBLE'`,
  quote: (alias = "q") => Prisma.sql`${Prisma.raw(`"${alias}"`)}."visibility" = 'VISIBLE'`,
};

/**
 * Whether the viewer moderates this thesis (site moderator, owner or appointed moderator). At most one
 * query, and none for visitors, site moderators and owners.
 */
export async function viewerModeratesThesis(viewer: Viewer, thesis: { id: string; authorId: string }): Promise<boolean> {
  if (!viewer) return false;
  if (isGlobalModerator(viewer) || viewer.id === thesis.authorId) return true;
  const appointed = await db.thesisModerator.findUnique({
    where: { thesisId_userId: { thesisId: thesis.id, userId: viewer.id } },
    select: { userId: true },
  });
  return appointed !== null;
}

/** Theses whose title and description the viewer may read. */
export function readableThesisWhere(viewer: Viewer): Prisma.ThesisWhereInput {
  if (isGlobalModerator(viewer)) return {};
  if (!viewer) return { visibility: "VISIBLE" };
  return { OR: [{ visibility: "VISIBLE" }, { authorId: viewer.id }, { moderators: { some: { userId: viewer.id } } }] };
}

/** Arguments whose text the viewer may read (whatever their thesis's own visibility). */
export function readableArgumentWhere(viewer: Viewer): Prisma.ArgumentWhereInput {
  if (isGlobalModerator(viewer)) return {};
  if (!viewer) return { status: "VISIBLE" };
  return {
    OR: [
      { status: "VISIBLE" },
      { authorId: viewer.id },
      { thesis: { authorId: viewer.id } },
      { thesis: { moderators: { some: { userId: viewer.id } } } },
    ],
  };
}

/**
 * The same rules as SQL conditions for raw queries, so hidden rows are filtered before ranking and paging.
 * `aliases` name the tables in the caller's query (thesis, argument, source, quote).
 */
export function visibilitySql(viewer: Viewer, aliases: { t?: string; a?: string; s?: string; q?: string } = {}) {
  const t = Prisma.raw(`"${aliases.t ?? "t"}"`);
  const a = Prisma.raw(`"${aliases.a ?? "a"}"`);
  const s = Prisma.raw(`"${aliases.s ?? "s"}"`);
  const q = Prisma.raw(`"${aliases.q ?? "qu"}"`);
  if (isGlobalModerator(viewer)) {
    return { thesis: Prisma.sql`TRUE`, argument: Prisma.sql`TRUE`, source: Prisma.sql`TRUE`, quote: Prisma.sql`TRUE` };
  }
  const source = Prisma.sql`${s}."visibility" = 'VISIBLE'`;
  const quote = Prisma.sql`${q}."visibility" = 'VISIBLE'`;
  if (!viewer) {
    return { thesis: Prisma.sql`${t}."visibility" = 'VISIBLE'`, argument: Prisma.sql`${a}."status" = 'VISIBLE'`, source, quote };
  }
  const moderates = Prisma.sql`(${t}."authorId" = ${viewer.id}
    OR EXISTS (SELECT 1 FROM "ThesisModerator" tm WHERE tm."thesisId" = ${t}."id" AND tm."userId" = ${viewer.id}))`;
  return {
    thesis: Prisma.sql`(${t}."visibility" = 'VISIBLE' OR ${moderates})`,
    // Needs the argument's thesis joined as `t`: its moderators read its hidden arguments.
    argument: Prisma.sql`(${a}."status" = 'VISIBLE' OR ${a}."authorId" = ${viewer.id} OR ${moderates})`,
    source,
    quote,
  };
}

/** Whether the viewer may read hidden sources' and quotes' text. */
export function readsHiddenEvidence(viewer: Viewer): boolean {
  return isGlobalModerator(viewer);
}

interface HideableArgument {
  status: "VISIBLE" | "HIDDEN";
  body: string;
  author: { id: string };
}

/**
 * Hidden arguments keep their place in the tree (so their replies stay reachable) but their text goes
 * only to their author and the thesis's moderators; everyone else gets an empty body and the reason.
 */
export function redactHiddenArguments<T extends HideableArgument>(
  rows: T[],
  viewer: Viewer,
  moderates: boolean,
): (T & { bodyRedacted: boolean })[] {
  return rows.map((row) => {
    const redact = row.status === "HIDDEN" && !moderates && row.author.id !== viewer?.id;
    return { ...row, body: redact ? "" : row.body, bodyRedacted: redact };
  });
}

interface HideableThesis {
  title: string;
  body?: string;
  visibility: "VISIBLE" | "HIDDEN";
  author: { id: string };
}

/** A hidden thesis keeps its page; its title and description go only to its owner and moderators. */
export function redactHiddenThesis<T extends HideableThesis>(thesis: T, viewer: Viewer, moderates: boolean): T & { textRedacted: boolean } {
  const redact = thesis.visibility === "HIDDEN" && !moderates && thesis.author.id !== viewer?.id;
  if (!redact) return { ...thesis, textRedacted: false };
  return { ...thesis, title: HIDDEN_THESIS_TITLE, ...(thesis.body === undefined ? {} : { body: "" }), textRedacted: true };
}
