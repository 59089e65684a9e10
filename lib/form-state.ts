/** What a server action returns to its form: a message, errors per field, and on success what was created. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Bumped on every success so forms know to clear themselves. */
  successAt?: number;
}

export const initialFormState: FormState = {};
