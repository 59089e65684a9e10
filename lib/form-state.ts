import type { ReactNode } from "react";

/** What a server action returns to its form: a message, errors per field, and on success what was created. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Bumped on every success so forms know to clear themselves. */
  successAt?: number;
  /** Debate view: what the action changed, rendered on the server (a new card, an edited body), shown in place. */
  rendered?: ReactNode;
  /** The argument the action created: its id and focus address. */
  createdId?: string;
  createdPermalink?: string;
  /** A link the action made for the user to pass on (an administrator's password-reset link). */
  link?: string;
}

export const initialFormState: FormState = {};
