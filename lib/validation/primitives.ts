import { z } from "zod";

/**
 * The building blocks every schema in lib/validation uses for what arrives from outside (forms, server actions,
 * JSON bodies, query strings, path segments): ids, bounded integers and text. One definition each, so every
 * path into the app refuses the same input with the same field message.
 */

/** C0 controls other than tab, line feed and carriage return, and DEL. PostgreSQL cannot store NUL in text at all. */
const DISALLOWED_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_CHARACTER_MESSAGE = "Remove the invisible control characters (such as NUL) from this text.";

export function hasDisallowedControls(value: string): boolean {
  return DISALLOWED_CONTROLS.test(value);
}

/** Removes the characters `text()` refuses: for text Agora did not receive from a member (a fetched page). */
export function stripDisallowedControls(value: string): string {
  return value.replace(new RegExp(DISALLOWED_CONTROLS.source, "g"), "");
}

/** A string of user text: any printable Unicode, line breaks and tabs; NUL and other control characters refused. */
export function text(params?: { error?: string }) {
  return z.string(params).refine((value) => !hasDisallowedControls(value), CONTROL_CHARACTER_MESSAGE);
}

/** Ids are cuids: letters and digits. Anything else (`%00`, a path, an emoji) never reaches a query. */
export const idSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9]+$/i, "Malformed id.");

/** The largest value of a PostgreSQL `integer`: a bigger number in a query parameter could only fail the query. */
export const PG_INT_MAX = 2_147_483_647;

/** A positive whole number from a query string, refused (not clamped) outside 1…max. */
export function positiveIntParam(label: string, max = PG_INT_MAX) {
  return z
    .string()
    .regex(/^\d{1,10}$/, `${label} must be a whole number from 1 to ${max}.`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `${label} must be a whole number from 1 to ${max}.`);
}
