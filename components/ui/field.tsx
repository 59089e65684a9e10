import type { ReactNode } from "react";

/** A labelled form control with its hint and error messages wired up for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A field's hint and error messages, with the ids `describedBy` points at (for controls laid out by hand). */
export function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.map((message) => (
        <p key={message} id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {message}
        </p>
      ))}
    </>
  );
}

/** aria attributes for the control inside a Field. */
export function describedBy(id: string, { hint, errors }: { hint?: boolean; errors?: string[] }) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/40 aria-[invalid=true]:border-red-600";
