"use server";

import { z } from "zod";
import { watchTargetSchema } from "@/lib/validation/watch";
import { AppError } from "../errors";
import { requireUser } from "../auth/current-user";
import { setWatch } from "../watches/set-watch";

export type WatchActionResult = { ok: true; watching: boolean } | { ok: false; message: string };

/**
 * Starts or stops watching; the toggle shows the new state at once and only needs to hear whether it held.
 * Nothing else on the page depends on it, so nothing is revalidated.
 */
export async function watchAction(input: { targetType: string; targetId: string; watching: boolean }): Promise<WatchActionResult> {
  const parsed = watchTargetSchema.extend({ watching: z.boolean() }).safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That cannot be watched." };
  try {
    const { watching, ...target } = parsed.data;
    const result = await setWatch({ actor: await requireUser(), input: target, watching });
    return { ok: true, watching: result.watching };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
