import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { markdownToText } from "@/lib/markdown";

/** Top-level arguments the card shows per side. */
export const EMBED_ARGUMENTS_PER_SIDE = 3;

/**
 * What an embed card shows, as any visitor sees it: the thesis, its stored strength and the strongest visible
 * top-level arguments on each side. Embeds are public, so a hidden thesis has none (404).
 */
export async function getThesisEmbed(slug: string) {
  const thesis = await getThesisBySlug(slug, null);
  if (thesis.textRedacted) throw new NotFoundError("No thesis lives at that address.");
  const side = (stance: "PRO" | "CON") =>
    db.argument.findMany({
      where: { thesisId: thesis.id, parentId: null, stance, status: "VISIBLE" },
      orderBy: [{ strength: "desc" }, { createdAt: "asc" }],
      take: EMBED_ARGUMENTS_PER_SIDE,
      select: { id: true, body: true, strength: true, replyCount: true },
    });
  const [pro, con] = await Promise.all([side("PRO"), side("CON")]);
  const card = (rows: typeof pro) => rows.map(({ body, ...row }) => ({ ...row, text: markdownToText(body, 160) }));
  return { thesis, PRO: card(pro), CON: card(con) };
}

export type ThesisEmbed = Awaited<ReturnType<typeof getThesisEmbed>>;
