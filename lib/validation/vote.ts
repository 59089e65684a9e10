import { z } from "zod";
import { idSchema } from "./argument";

/** +1 "convincing", −1 "not convincing". Anything else (0, 2, "1", true) is refused rather than coerced. */
export const voteValueSchema = z.union([z.literal(1), z.literal(-1)], { error: "A vote is 1 (convincing) or -1 (not convincing)." });

export const castVoteSchema = z.object({ argumentId: idSchema, value: voteValueSchema });
export type CastVoteInput = z.infer<typeof castVoteSchema>;

export const withdrawVoteSchema = z.object({ argumentId: idSchema });

/** The API's bodies: the argument or thesis comes from the path. */
export const voteBodySchema = z.object({ value: voteValueSchema });

/** Where a member stands on a thesis: −2 strongly disagree … +2 strongly agree. */
export const stanceValueSchema = z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1), z.literal(2)], {
  error: "Choose one of the five positions, from strongly disagree (-2) to strongly agree (2).",
});
export const stanceBodySchema = z.object({ value: stanceValueSchema });

export const STANCE_LABELS: Record<-2 | -1 | 0 | 1 | 2, string> = {
  [-2]: "Strongly disagree",
  [-1]: "Disagree",
  0: "Undecided",
  1: "Agree",
  2: "Strongly agree",
};
