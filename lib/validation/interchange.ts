import { z } from "zod";

/** `GET /api/v1/theses/:slug/export?format=`: the lossless JSON document, Argdown text or AIF JSON. */
export const exportFormatSchema = z.enum(["json", "argdown", "aif"]);

/** `POST /api/v1/imports`: an export file's text, and optionally an authors mapping file's text. */
export const importRequestSchema = z.object({
  /** The export file's text, as it is (the import reports on it, JSON errors included). */
  file: z.string().min(1, "Choose an export file."),
  /** Optional authors mapping file's text: { "<exported handle>": "<handle or email here>" }. */
  authors: z.string().optional(),
});
