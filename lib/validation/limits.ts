/** Limits shared by forms, server actions and the API, so every layer refuses the same input. */
export const LIMITS = {
  thesisTitle: 200,
  thesisBody: 5_000,
  argumentBody: 2_000,
  topicNameMin: 2,
  topicNameMax: 40,
  /** Topics on one thesis: enough to file it under its subject and a few angles, few enough to stay a filter. */
  topicsPerThesis: 5,
  /** "Has this been said already?": drafts shorter than this say too little to compare. */
  similarQueryMin: 20,
  passwordMin: 10,
  passwordMax: 200,
  nameMin: 2,
  nameMax: 50,
  email: 254,
  apiTokenName: 60,
  /** Active (unrevoked) API tokens per member: enough for every script and integration, few enough to review. */
  apiTokensPerMember: 20,
} as const;

/**
 * Request bodies in bytes, per API route (server/api/route-handler.ts and the production fast path). Pasted
 * sources are the one large write: up to 200,000 characters of text. Server actions share Next's single limit
 * (next.config.ts), which is the largest of these, so that pasting a source works the same way on both paths;
 * every field is also bounded by its schema.
 */
export const BODY_LIMITS = {
  default: 16 * 1024,
  pastedSource: 1024 * 1024,
  /** An export file (at most 32 MB, server/interchange/check-export.ts) inside a JSON string, escaped. */
  thesisImport: 72 * 1024 * 1024,
} as const;
