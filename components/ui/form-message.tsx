import type { FormState } from "@/lib/form-state";

/** The form-level outcome, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  // A refusal that names fields is announced by those fields' own messages ("An account with this email already
  // exists"); announcing the summary as well would make screen readers read the same refusal twice.
  const fieldsSpeak = !state.ok && Object.values(state.fieldErrors ?? {}).some((messages) => messages?.length);
  return (
    <p
      role={state.ok ? "status" : fieldsSpeak ? undefined : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}
