import { z } from "zod";
import { idSchema } from "./argument";

/** What a member watches: a thesis (every new argument in it) or an argument (every new argument beneath it). */
export const watchTargetSchema = z.object({
  targetType: z.enum(["THESIS", "ARGUMENT"], { error: "Watch a THESIS or an ARGUMENT." }),
  targetId: idSchema,
});
export type WatchTargetInput = z.infer<typeof watchTargetSchema>;
