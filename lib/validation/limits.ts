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
