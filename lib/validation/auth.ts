import { z } from "zod";
import { text } from "./primitives";
import { LIMITS } from "./limits";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(LIMITS.email, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }))
  .transform((value) => value.toLowerCase());

export const registerSchema = z.object({
  email,
  name: text({ error: "Enter a display name." })
    .trim()
    .min(LIMITS.nameMin, `Display names need at least ${LIMITS.nameMin} characters.`)
    .max(LIMITS.nameMax, `Display names can have at most ${LIMITS.nameMax} characters.`)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .'_-]*$/u, "Use letters, digits, spaces and . ' _ - only, starting with a letter or digit."),
  password: z
    .string({ error: "Choose a password." })
    .min(LIMITS.passwordMin, `Passwords need at least ${LIMITS.passwordMin} characters.`)
    .max(LIMITS.passwordMax, `Passwords can have at most ${LIMITS.passwordMax} characters.`),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(LIMITS.passwordMax),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(LIMITS.passwordMax),
    newPassword: registerSchema.shape.password,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  // 32 random bytes in base64url: 43 characters. Anything far off that was mangled on the way.
  token: z.string({ error: "This reset link is incomplete." }).trim().min(20, "This reset link is incomplete.").max(200, "This reset link is not valid."),
  newPassword: registerSchema.shape.password,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
