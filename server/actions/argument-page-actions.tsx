"use server";

import { z } from "zod";
import type { ReactNode } from "react";
import { idSchema } from "@/lib/validation/argument";
import { SIBLING_SORTS } from "@/lib/scoring/sort";
import { debateHref } from "@/lib/debate-url";
import { getCurrentUser } from "../auth/current-user";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { listArgumentPage } from "../arguments/list-argument-page";
import { decodeCursor } from "../arguments/page-cursor";
import { cardContextFor, renderCards } from "../arguments/render-cards";
import { viewerModeratesThesis } from "../access/visibility";
import { AppError } from "../errors";

const requestSchema = z.object({
  slug: z.string().min(1).max(120),
  parentId: idSchema.nullable(),
  stance: z.enum(["PRO", "CON"]),
  sort: z.enum(SIBLING_SORTS),
  cursor: z.string().min(1).max(200),
});

export type ArgumentPageRequest = z.infer<typeof requestSchema>;

export type ArgumentPageResult = { ok: true; cards: { id: string; node: ReactNode }[]; nextCursor: string | null; nextHref: string | null } | { ok: false; message: string };

/** "Show more": the next page of one side of a focus, rendered as cards, for the list to append in place. */
export async function loadArgumentPageAction(input: ArgumentPageRequest): Promise<ArgumentPageResult> {
  const parsed = requestSchema.safeParse(input);
  const cursor = parsed.success ? decodeCursor(parsed.data.cursor) : null;
  if (!parsed.success || !cursor) return { ok: false, message: "That page link is damaged. Reload the page to start again." };
  const { slug, parentId, stance, sort } = parsed.data;
  try {
    const viewer = await getCurrentUser();
    const thesis = await getThesisBySlug(slug, viewer);
    const moderates = await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id });
    const page = await listArgumentPage({ thesisId: thesis.id, parentId, stance, sort, cursor, viewer, moderates });
    const ctx = await cardContextFor({ ...thesis, authorId: thesis.author.id }, viewer, sort, page.rows.map((r) => r.id), moderates);
    const nextHref = page.nextCursor ? debateHref(slug, { argumentId: parentId, sort, [stance === "PRO" ? "pro" : "con"]: page.nextCursor, tab: stance }) : null;
    return { ok: true, cards: renderCards(page.rows, ctx), nextCursor: page.nextCursor, nextHref };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
