import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import { isPoolExhausted } from "../db";
import type { FormState } from "@/lib/form-state";

export function invalidInput(error: z.ZodError): FormState {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return { ok: false, message: formErrors[0] ?? "Please correct the highlighted fields.", fieldErrors };
}

/** Expected refusals become form messages; anything else (including Next's redirects) propagates. */
export function refusal(error: unknown): FormState {
  if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (isPoolExhausted(error)) return { ok: false, message: "The server is busy. Try again in a moment." };
  throw error;
}
