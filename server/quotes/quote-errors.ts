import "server-only";
import type { NotFoundReason, QuoteSelector } from "@/lib/anchoring";
import { InvalidInputError } from "../errors";

/**
 * The passage is refused: it is not in the snapshot (`suggestion`: the closest passage, when there is one), or
 * it starts or ends inside a word (`suggestion`: the same passage with whole words).
 */
export class QuoteNotFoundError extends InvalidInputError {
  constructor(
    readonly suggestion: QuoteSelector | null,
    readonly reason: NotFoundReason = "not_in_text",
  ) {
    const message =
      reason === "cuts_word"
        ? "That passage starts or ends in the middle of a word of the source, which can change what it says. The passage with whole words is shown below: quote that instead."
        : suggestion
          ? "That passage is not in the source's text. The closest passage is shown below: quote it exactly, or check your text."
          : "That passage is not in the source's text, and nothing close to it is. Check that you picked the right source.";
    super(message, { exact: [message] }, "QUOTE_NOT_FOUND");
  }

  get details() {
    return { reason: this.reason, suggestion: this.suggestion };
  }
}

/** The passage occurs several times; the member picks one of `candidates` (sent back as `start`). */
export class QuoteAmbiguousError extends InvalidInputError {
  constructor(readonly candidates: QuoteSelector[]) {
    const message = `That passage occurs ${candidates.length} times in the source. Choose which one you mean.`;
    super(message, { exact: [message] }, "QUOTE_AMBIGUOUS");
  }

  /** Send one candidate's `start` back to pick it. */
  get details() {
    return { candidates: this.candidates };
  }
}
