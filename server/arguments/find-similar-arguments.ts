import "server-only";
import { db } from "../db";
import { markdownToText } from "@/lib/markdown";
import { debateHref } from "@/lib/debate-url";

export const SIMILAR_ARGUMENTS_SHOWN = 5;

/**
 * Trigram thresholds (pg_trgm). Word similarity compares the text with the best-matching stretch of each body, so a
 * short draft still finds the long argument that already says it; plain similarity catches a long draft restating a
 * shorter argument. 0.5 and 0.3 were tried on reworded claims: a paraphrase scores 0.7–0.9, an argument on the same
 * subject making another point 0.2–0.45.
 */
const WORD_SIMILARITY_THRESHOLD = "0.5";
const SIMILARITY_THRESHOLD = "0.3";

export interface SimilarArgument {
  id: string;
  stance: "PRO" | "CON";
  /** Null for an argument on the thesis itself. */
  parentId: string | null;
  excerpt: string;
  /** 0–1: the larger of trigram word similarity and similarity. */
  score: number;
  url: string;
}

/**
 * The visible arguments of one thesis most similar to `text` (a draft, or the body of an argument a moderator may
 * mark as a duplicate, left out by `excludeId`), best first. Trigram matching (pg_trgm, GIN index
 * Argument_body_trgm_idx) rather than full-text ranking: it scores rewordings, other word forms and typos, where
 * full-text search needs the same stems. Hidden arguments never appear, nor anything from a hidden thesis.
 */
export async function findSimilarArguments({
  thesisId,
  text,
  excludeId,
  limit = SIMILAR_ARGUMENTS_SHOWN,
}: {
  thesisId: string;
  text: string;
  excludeId?: string;
  limit?: number;
}): Promise<SimilarArgument[]> {
  // The operators read their thresholds from settings; set_config(…, true) keeps them to this transaction.
  const [, , rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`,
    db.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${SIMILARITY_THRESHOLD}, true)`,
    db.$queryRaw<{ id: string; stance: "PRO" | "CON"; parentId: string | null; body: string; slug: string; score: number }[]>`
      SELECT a.id, a.stance, a."parentId", a.body, t.slug,
             greatest(word_similarity(${text}, a.body), similarity(${text}, a.body)) AS score
      FROM "Argument" a JOIN "Thesis" t ON t.id = a."thesisId"
      WHERE a."thesisId" = ${thesisId} AND t.visibility = 'VISIBLE' AND a.status = 'VISIBLE' AND a.id <> ${excludeId ?? ""}
        AND (${text} <% a.body OR ${text} % a.body)
      ORDER BY score DESC, a."createdAt" ASC, a.id ASC
      LIMIT ${limit}`,
  ]);
  return rows.map((row) => ({
    id: row.id,
    stance: row.stance,
    parentId: row.parentId,
    excerpt: markdownToText(row.body, 200),
    score: Number(row.score),
    url: debateHref(row.slug, { argumentId: row.id }),
  }));
}
