import "server-only";
import { slugify } from "@/lib/slug";
import type { Tx } from "../db";

/** A free /u/<handle> derived from the display name: "Ines Duarte" → "ines-duarte", then "ines-duarte-2"… */
export async function createHandle(tx: Tx, name: string): Promise<string> {
  const base = slugify(name).slice(0, 30).replace(/-+$/, "") || "user";
  const taken = new Set(
    (await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
