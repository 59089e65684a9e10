/** Limits shared by forms, server actions and the API, so every layer refuses the same input. */
export const LIMITS = {
  thesisTitle: 200,
  thesisBody: 5_000,
  argumentBody: 2_000,
  passwordMin: 10,
  passwordMax: 200,
  nameMin: 2,
  nameMax: 50,
  email: 254,
  apiTokenName: 60,
  /** Active (unrevoked) API tokens per member: enough for every script and integration, few enough to review. */
  apiTokensPerMember: 20,
} as const;
