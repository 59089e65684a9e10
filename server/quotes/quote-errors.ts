import "server-only";
import type { QuoteSelector } from "@/lib/anchoring";
import { InvalidInputError } from "../errors";

/** The passage is not in the snapshot; `suggestion` is the closest passage, when there is one. */
export class QuoteNotFoundError extends InvalidInputError {
  constructor(readonly suggestion: QuoteSelector | null) {
    const message = suggestion
      ? "That passage is not in the source's text. The closest passage is shown below: quote it exactly, or check your text."
      : "That passage is not in the source's text, and nothing close to it is. Check that you picked the right source.";
    super(message, { exact: [message] });
  }

  get details() {
    return { suggestion: this.suggestion };
  }
}

/** The passage occurs several times; the member picks one of `candidates` (sent back as `start`). */
export class QuoteAmbiguousError extends InvalidInputError {
  constructor(readonly candidates: QuoteSelector[]) {
    const message = `That passage occurs ${candidates.length} times in the source. Choose which one you mean.`;
    super(message, { exact: [message] });
  }

  /** Send one candidate's `start` back to pick it. */
  get details() {
    return { candidates: this.candidates };
  }
}
