export { normalizeText, normalizeWithMap, type NormalizedText } from "./normalize";
export {
  anchorQuote,
  prepareText,
  selectorAt,
  validateQuoteText,
  CONTEXT_LENGTH,
  QUOTE_MAX_LENGTH,
  QUOTE_MIN_LENGTH,
  type AnchorHints,
  type AnchorResult,
  type NotFoundReason,
  MIN_HINT_EVIDENCE,
  type PreparedText,
  type QuoteSelector,
} from "./anchor";
