import { apiRoute } from "@/server/api/route-handler";
import { watchTargetSchema } from "@/lib/validation/watch";
import { setWatch } from "@/server/watches/set-watch";

/** PUT `{ targetType: "THESIS" | "ARGUMENT", targetId }`: watch it (idempotent). 404 when missing or hidden from you. */
export const PUT = apiRoute(async ({ json, requireUser }) => {
  const input = await json(watchTargetSchema);
  const { watching } = await setWatch({ actor: await requireUser(), input, watching: true });
  return { watch: { ...input, watching } };
});

/** DELETE with the same body: stop watching (idempotent). */
export const DELETE = apiRoute(async ({ json, requireUser }) => {
  const input = await json(watchTargetSchema);
  const { watching } = await setWatch({ actor: await requireUser(), input, watching: false });
  return { watch: { ...input, watching } };
});
