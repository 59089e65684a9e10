import { LIMITS } from "@/lib/validation/limits";
import { Field, describedBy, inputClass } from "@/components/ui/field";

/** A field for choosing a password: the same rules, hint and browser hints wherever one is set. */
export function NewPasswordField({ id, label = "New password", errors }: { id: string; label?: string; errors?: string[] }) {
  return (
    <Field id={id} label={label} hint={`At least ${LIMITS.passwordMin} characters.`} errors={errors}>
      <input
        {...describedBy(id, { hint: true, errors })}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={LIMITS.passwordMin}
        maxLength={LIMITS.passwordMax}
        required
        className={inputClass}
      />
    </Field>
  );
}
