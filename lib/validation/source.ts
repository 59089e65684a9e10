import { z } from "zod";
import { QUOTE_MAX_LENGTH } from "@/lib/anchoring/anchor";
import { idSchema } from "./argument";

export const SOURCE_LIMITS = {
  url: 2_000,
  title: 300,
  publisher: 200,
  byline: 200,
  /** Pasted text: a long article fits, a whole book does not. */
  pastedTextMin: 20,
  pastedTextMax: 200_000,
} as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .optional()
    .transform((value) => value || null);

const httpUrl = z
  .string()
  .trim()
  .max(SOURCE_LIMITS.url, `Web addresses can have at most ${SOURCE_LIMITS.url.toLocaleString("en")} characters.`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter a full web address, starting with http:// or https://.");

export const addSourceByUrlSchema = z.object({
  url: z.string({ error: "Enter the address of the page." }).trim().min(1, "Enter the address of the page.").pipe(httpUrl),
});
export type AddSourceByUrlInput = z.infer<typeof addSourceByUrlSchema>;

export const addPastedSourceSchema = z.object({
  title: z
    .string({ error: "Give the source its title." })
    .trim()
    .min(1, "Give the source its title.")
    .max(SOURCE_LIMITS.title, `Titles can have at most ${SOURCE_LIMITS.title} characters.`),
  url: z
    .union([httpUrl, z.literal("")])
    .optional()
    .transform((value) => value || null),
  publisher: optionalText(SOURCE_LIMITS.publisher, "Publisher"),
  byline: optionalText(SOURCE_LIMITS.byline, "Author"),
  publishedAt: z
    .union([z.literal(""), z.iso.date({ error: "Enter the date as YYYY-MM-DD." })])
    .optional()
    .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null)),
  text: z
    .string({ error: "Paste the text of the source." })
    .min(1, "Paste the text of the source.")
    .max(SOURCE_LIMITS.pastedTextMax, `Pasted text can have at most ${SOURCE_LIMITS.pastedTextMax.toLocaleString("en")} characters.`)
    .refine((value) => value.trim().length >= SOURCE_LIMITS.pastedTextMin, `Paste at least ${SOURCE_LIMITS.pastedTextMin} characters of text.`),
});
export type AddPastedSourceInput = z.infer<typeof addPastedSourceSchema>;

export const createQuoteSchema = z.object({
  sourceId: idSchema,
  exact: z
    .string({ error: "Select or paste the passage to quote." })
    .refine((value) => value.trim().length > 0, "Select or paste the passage to quote.")
    .refine((value) => value.trim().length <= QUOTE_MAX_LENGTH, `Quotes can have at most ${QUOTE_MAX_LENGTH.toLocaleString("en")} characters. Quote a shorter passage.`),
  /** Context around a selection, used to tell repeated passages apart. */
  prefix: z.string().max(500).optional(),
  suffix: z.string().max(500).optional(),
  /** Offset in the snapshot where the chosen occurrence starts (from a selection, or the member's choice). */
  start: z.coerce.number().int().min(0).optional(),
});
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;

export const searchQuery = z.string().trim().max(200).default("");

/** What the quote form gets back: the saved quote, or the closest passage / the occurrences to choose from. */
export interface QuoteFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  quote?: { id: string; exact: string; sourceId: string };
  suggestion?: { exact: string; start: number; end: number } | null;
  /** Why the quote was refused: `cuts_word` makes the suggestion the same passage with whole words. */
  refusal?: "cuts_word" | "not_in_text";
  candidates?: { exact: string; prefix: string; suffix: string; start: number; end: number }[];
  successAt?: number;
}

/** A quote or source the cite picker offers. */
export interface CitableQuote {
  id: string;
  exact: string;
  source: { id: string; title: string; publisher: string | null; publishedAt: string | null };
}
export interface CitableSource {
  id: string;
  title: string;
  publisher: string | null;
  captureMethod: "FETCHED" | "PASTED";
}

/** The /sources index: search words, order and page, as they come from the address bar. */
export const SOURCE_SORTS = ["cited", "newest"] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];
export const sourceIndexParamsSchema = z.object({
  q: searchQuery.catch(""),
  sort: z.enum(SOURCE_SORTS).catch("cited"),
  // An edited or cut-short page number shows the first page, never an error.
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type SourceIndexParams = z.infer<typeof sourceIndexParamsSchema>;

/** "Check the live page" on a source page. */
export const recheckSourceSchema = z.object({ sourceId: idSchema });

/** The live check's answer: where each quote of the checked snapshot stands on the live page. */
export interface LiveCheckState {
  ok?: boolean;
  message?: string;
  report?: {
    changed: boolean;
    newSourceId: string | null;
    quotes: { quoteId: string; exact: string; status: "present" | "moved" | "gone" }[];
  };
}
