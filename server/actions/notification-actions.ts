"use server";

import { revalidatePath } from "next/cache";
import { markNotificationsReadSchema, notificationSettingsSchema } from "@/lib/validation/notification";
import type { FormState } from "@/lib/form-state";
import { UnauthorizedError } from "../errors";
import { getCurrentUser } from "../auth/current-user";
import { markNotificationsRead } from "../notifications/mark-notifications-read";
import { updateNotificationSettings } from "../notifications/notification-settings";
import { invalidInput, refusal } from "./form-result";

/**
 * Reading and choosing notifications is the member's own business, so suspended members may (they read there
 * why they were suspended); the header's unread count is in the layout, hence revalidating it.
 */
async function reader() {
  const viewer = await getCurrentUser();
  if (!viewer) throw new UnauthorizedError();
  return viewer;
}

/** "Mark read" on one notification (`id`), or "Mark all read" (`all`). */
export async function markNotificationsReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = markNotificationsReadSchema.safeParse(formData.get("all") === "1" ? { all: true } : { ids: formData.getAll("id") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { marked } = await markNotificationsRead({ userId: (await reader()).id, input: parsed.data });
    revalidatePath("/", "layout");
    return { ok: true, successAt: Date.now(), message: marked === 1 ? "Marked read." : `${marked} notifications marked read.` };
  } catch (error) {
    return refusal(error);
  }
}

export async function saveNotificationSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = notificationSettingsSchema.safeParse({
    enabledKinds: formData.getAll("kind"),
    emailDigest: formData.get("emailDigest") === "on",
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await updateNotificationSettings({ userId: (await reader()).id, input: parsed.data });
    revalidatePath("/settings/notifications");
    return { ok: true, successAt: Date.now(), message: "Your notification choices are saved." };
  } catch (error) {
    return refusal(error);
  }
}
