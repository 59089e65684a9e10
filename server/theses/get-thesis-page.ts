import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { slugSchema } from "@/lib/validation/thesis";
import { argumentNodeSelect, INLINE_DEPTH } from "../arguments/argument-select";

export async function getThesisBySlug(slug: string) {
  if (!slugSchema.safeParse(slug).success) throw new NotFoundError("No thesis lives at that address.");
  const thesis = await db.thesis.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      status: true,
      argumentCount: true,
      proCount: true,
      conCount: true,
      createdAt: true,
      author: { select: { id: true, name: true, handle: true } },
    },
  });
  if (!thesis) throw new NotFoundError("No thesis lives at that address.");
  return thesis;
}

/**
 * A thesis and every argument down to INLINE_DEPTH in a fixed number of queries, whatever the size of the
 * debate: one for the thesis, one for the arguments (Prisma adds one for their authors).
 */
export async function getThesisPage(slug: string) {
  const thesis = await getThesisBySlug(slug);
  const argumentRows = await db.argument.findMany({
    where: { thesisId: thesis.id, depth: { lte: INLINE_DEPTH } },
    select: argumentNodeSelect,
  });
  return { thesis, argumentRows };
}
