import { z } from "zod";
import { text } from "./primitives";
import { idSchema } from "./argument";

export const MODERATION_REASON_MAX = 500;

/** Suspensions run from one hour to one year: shorter is noise, longer is a ban we do not offer. */
export const SUSPENSION_HOURS = { min: 1, max: 365 * 24 } as const;

export const FLAG_REASONS = ["SPAM", "ABUSE", "OFF_TOPIC", "DUPLICATE", "MISQUOTE", "UNSUPPORTED", "OTHER"] as const;
export type FlagReasonValue = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABELS: Record<FlagReasonValue, string> = {
  SPAM: "Spam or advertising",
  ABUSE: "Abuse or harassment",
  OFF_TOPIC: "Off topic",
  DUPLICATE: "Duplicate of another argument",
  MISQUOTE: "Misquotes its source",
  UNSUPPORTED: "Unsupported claim",
  OTHER: "Something else (explain)",
};

/** What members can flag. Users are not flagged directly: their content is. */
export const FLAGGABLE_TYPES = ["ARGUMENT", "THESIS", "SOURCE", "QUOTE"] as const;
export type FlaggableType = (typeof FLAGGABLE_TYPES)[number];

export const TARGET_TYPES = ["ARGUMENT", "THESIS", "SOURCE", "QUOTE", "USER"] as const;
export type TargetTypeValue = (typeof TARGET_TYPES)[number];

const reasonText = text()
  .trim()
  .max(MODERATION_REASON_MAX, `Reasons can have at most ${MODERATION_REASON_MAX} characters.`);

const requiredReason = reasonText.min(1, "Give a reason: it is shown to the author and kept in the public log.");

/** Empty strings from forms mean "no reason given". */
const optionalReason = z
  .union([reasonText, z.null()])
  .optional()
  .transform((value) => value || null);

export const createFlagSchema = z
  .object({
    targetType: z.enum(FLAGGABLE_TYPES, { error: "Choose what you are flagging." }),
    targetId: idSchema,
    reason: z.enum(FLAG_REASONS, { error: "Choose a reason." }),
    details: optionalReason,
  })
  .superRefine((flag, ctx) => {
    if (flag.reason === "OTHER" && !flag.details) {
      ctx.addIssue({ code: "custom", path: ["details"], message: "Say what is wrong when you choose “Something else”." });
    }
  });
export type CreateFlagInput = z.infer<typeof createFlagSchema>;

const suspensionHours = z.coerce
  .number({ error: "Give the length of the suspension in hours." })
  .int("Suspensions are counted in whole hours.")
  .min(SUSPENSION_HOURS.min, `Suspensions last at least ${SUSPENSION_HOURS.min} hour.`)
  .max(SUSPENSION_HOURS.max, `Suspensions last at most ${SUSPENSION_HOURS.max / 24} days.`);

const contentTarget = z.enum(["ARGUMENT", "THESIS", "SOURCE", "QUOTE"], { error: "Choose what to act on." });

/**
 * Every moderation act, one shape per action. The same schema serves the review-queue forms, the server
 * action and POST /api/v1/moderation/actions, so each layer refuses the same input.
 */
export const moderationActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("DISMISS"), reviewItemId: idSchema, reason: optionalReason }),
    z.object({ action: z.literal("HIDE"), targetType: contentTarget, targetId: idSchema, reason: requiredReason }),
    z.object({ action: z.literal("RESTORE"), targetType: contentTarget, targetId: idSchema, reason: optionalReason }),
    z.object({
      action: z.literal("MARK_DUPLICATE"),
      targetId: idSchema,
      // Moderators paste a permalink (/t/<slug>/a/<id>) as often as an id: keep the id.
      duplicateOfId: z.preprocess(
        (value) => (typeof value === "string" ? (value.trim().split(/[/#]/).filter(Boolean).pop() ?? "").replace(/^arg-/, "") : value),
        idSchema,
      ),
      reason: optionalReason,
    }),
    z.object({ action: z.literal("LOCK"), thesisId: idSchema, reason: requiredReason }),
    z.object({ action: z.literal("UNLOCK"), thesisId: idSchema, reason: optionalReason }),
    z.object({ action: z.literal("SUSPEND"), userId: idSchema, hours: suspensionHours, reason: requiredReason }),
    z.object({ action: z.literal("UNSUSPEND"), userId: idSchema, reason: optionalReason }),
    z.object({ action: z.literal("APPOINT_MODERATOR"), thesisId: idSchema, handle: text().trim().min(1, "Name the member to appoint.").max(60), reason: optionalReason }),
    z.object({ action: z.literal("REMOVE_MODERATOR"), thesisId: idSchema, userId: idSchema, reason: optionalReason }),
    z.object({
      action: z.literal("SET_ROLE"),
      userId: idSchema,
      role: z.enum(["USER", "MODERATOR", "ADMIN"], { error: "Choose a role." }),
      reason: optionalReason,
    }),
  ],
  { error: "Unknown moderation action." },
);
export type ModerationActionInput = z.infer<typeof moderationActionSchema>;
export type ModerationActionName = ModerationActionInput["action"];

export const reviewQueueFilterSchema = z.object({
  status: z.enum(["PENDING", "ACTIONED", "DISMISSED", "ALL"]).catch("PENDING"),
  targetType: z.enum([...FLAGGABLE_TYPES, "ALL"]).catch("ALL"),
  reason: z.enum([...FLAG_REASONS, "ALL"]).catch("ALL"),
  thesis: z.string().max(120).regex(/^[a-z0-9-]*$/).catch(""),
});
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;

/**
 * A position in the review queue, which is ordered by (createdAt, id): both never change for an item, so a cursor
 * stays meaningful however the queue changes meanwhile (see server/moderation/list-review-queue.ts). "after"
 * reads the page that follows the item, "before" the page that precedes it. Written `after.<epoch ms>.<id>`:
 * URL-safe, short, and checked here like any other input. Clients should pass back the cursors they receive.
 */
export type ReviewQueueCursor = { direction: "after" | "before"; createdAt: Date; id: string };

const CURSOR_PATTERN = /^(after|before)\.(\d{1,15})\.([a-z0-9]{1,64})$/i;
export const REVIEW_QUEUE_CURSOR_MESSAGE =
  "This cursor is malformed: pass back the nextCursor or prevCursor of an earlier answer, or leave it out for the first page.";

export function encodeReviewQueueCursor(direction: ReviewQueueCursor["direction"], item: { createdAt: Date; id: string }): string {
  return `${direction}.${item.createdAt.getTime()}.${item.id}`;
}

export const reviewQueueCursorSchema = z
  .string({ error: REVIEW_QUEUE_CURSOR_MESSAGE })
  .regex(CURSOR_PATTERN, REVIEW_QUEUE_CURSOR_MESSAGE)
  .transform((value): ReviewQueueCursor => {
    const [, direction, ms, id] = CURSOR_PATTERN.exec(value)!;
    return { direction: direction!.toLowerCase() as ReviewQueueCursor["direction"], createdAt: new Date(Number(ms)), id: id! };
  });

/** The API's query: the filters, plus an optional cursor that, unlike the filters, is refused (422) when malformed. */
export const reviewQueueQuerySchema = reviewQueueFilterSchema.extend({
  cursor: z.preprocess((value) => (value === "" ? undefined : value), reviewQueueCursorSchema.optional()),
});
