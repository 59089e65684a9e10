"use server";

import { z } from "zod";
import type { ReactNode } from "react";
import { idSchema } from "@/lib/validation/argument";
import { db } from "../db";
import { getCurrentUser } from "../auth/current-user";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { argumentCardSelect } from "../arguments/argument-select";
import { cardContextFor, renderCards } from "../arguments/render-cards";
import { redactHiddenArguments, viewerModeratesThesis } from "../access/visibility";
import { AppError } from "../errors";

const requestSchema = z.object({
  slug: z.string().min(1).max(120),
  ids: z.array(idSchema).min(1).max(50),
});

export interface LiveCard {
  id: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  node: ReactNode;
}

export type LiveCardsResult = { ok: true; cards: LiveCard[] } | { ok: false; message: string };

/**
 * "N new arguments — show": the cards of arguments a live stream announced, read and redacted for this viewer like
 * any page's cards (a stream never carries text).
 */
export async function loadLiveCardsAction(input: z.infer<typeof requestSchema>): Promise<LiveCardsResult> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Those arguments could not be loaded. Reload the page." };
  try {
    const viewer = await getCurrentUser();
    const thesis = await getThesisBySlug(parsed.data.slug, viewer);
    const moderates = await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id });
    const rows = await db.argument.findMany({
      where: { id: { in: parsed.data.ids }, thesisId: thesis.id },
      select: argumentCardSelect,
      orderBy: { createdAt: "desc" },
    });
    const ctx = await cardContextFor({ ...thesis, authorId: thesis.author.id }, viewer, "best", rows.map((r) => r.id), moderates);
    const shown = redactHiddenArguments(rows, viewer, moderates);
    const nodes = renderCards(shown, ctx);
    return { ok: true, cards: shown.map((row, i) => ({ id: row.id, parentId: row.parentId, stance: row.stance, node: nodes[i]!.node })) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
