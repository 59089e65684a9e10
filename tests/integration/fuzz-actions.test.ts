import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";

// The session and Next's cache invalidation are stand-ins; the actions, their checks and the database are real.
vi.mock("@/auth", async () => ({ ...(await (await import("../support/api-routes")).sessionAuth()), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
// Only its error class is used by the actions; the library itself needs Next's runtime.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

import { session } from "../support/api-routes";
import { RUNS_PER_FAMILY, controlText, footprint, wrongValue } from "../support/fuzz";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/actions/api-token-actions";
import { createArgumentAction, editArgumentAction } from "@/server/actions/argument-actions";
import { changePasswordAction, loginAction, registerAction } from "@/server/actions/auth-actions";
import { addPastedSourceAction, addSourceByUrlAction, createQuoteAction, searchCitableAction } from "@/server/actions/evidence-actions";
import { flagAction } from "@/server/actions/flag-actions";
import { moderateAction } from "@/server/actions/moderation-actions";
import { createThesisAction } from "@/server/actions/thesis-actions";
import { stanceAction, voteAction } from "@/server/actions/vote-actions";
import { citedQuotesAction, previewArgumentAction } from "@/server/actions/composer-actions";
import { loadArgumentPageAction } from "@/server/actions/argument-page-actions";

/**
 * Property-based fuzzing of every server action that takes input, the way a forged form post or a scripted
 * call reaches it: RUNS_PER_FAMILY malformed inputs each. Every one must come back as a refusal the form can
 * show (never an exception, which Next would turn into a 500), and nothing the callers could write changes.
 */

type FormAction = (prev: never, form: FormData) => Promise<{ ok?: boolean; message?: string; fieldErrors?: unknown }>;
const FORM_ACTIONS: [string, FormAction, string[]][] = [
  ["createThesisAction", createThesisAction as FormAction, ["title", "body"]],
  ["createArgumentAction", createArgumentAction as FormAction, ["thesisId", "parentId", "stance", "body"]],
  ["editArgumentAction", editArgumentAction as FormAction, ["argumentId", "body"]],
  ["createApiTokenAction", createApiTokenAction as FormAction, ["name"]],
  ["revokeApiTokenAction", revokeApiTokenAction as FormAction, ["tokenId"]],
  ["addSourceByUrlAction", addSourceByUrlAction as FormAction, ["url"]],
  ["addPastedSourceAction", addPastedSourceAction as FormAction, ["title", "text", "url", "publisher", "byline", "publishedAt"]],
  ["createQuoteAction", createQuoteAction as FormAction, ["sourceId", "exact", "prefix", "suffix", "start"]],
  ["flagAction", flagAction as FormAction, ["targetType", "targetId", "reason", "details"]],
  ["moderateAction", moderateAction as FormAction, ["action", "targetType", "targetId", "reason", "thesisId", "userId", "hours", "handle", "role", "reviewItemId", "duplicateOfId"]],
  ["registerAction", registerAction as FormAction, ["email", "name", "password"]],
  ["loginAction", loginAction as FormAction, ["email", "password"]],
  ["changePasswordAction", changePasswordAction as FormAction, ["currentPassword", "newPassword"]],
];

type ObjectAction = (input: never) => Promise<unknown>;
const OBJECT_ACTIONS: [string, ObjectAction][] = [
  ["voteAction", voteAction as ObjectAction],
  ["stanceAction", stanceAction as ObjectAction],
  ["previewArgumentAction", previewArgumentAction as ObjectAction],
  ["citedQuotesAction", citedQuotesAction as ObjectAction],
  ["searchCitableAction", searchCitableAction as ObjectAction],
  ["loadArgumentPageAction", loadArgumentPageAction as ObjectAction],
];

let member: { id: string };
let admin: { id: string };
let scope: { thesisIds: string[]; argumentIds: string[] };
let before: string;
const figures = { actions: 0, inputs: 0 };

beforeAll(async () => {
  member = await makeUser();
  admin = await makeMember({ role: "ADMIN" });
  const thesis = await makeThesis(member);
  const argument = await makeArgument(member, { thesisId: thesis.id });
  scope = { thesisIds: [thesis.id], argumentIds: [argument.id] };
  before = await footprint([member.id, admin.id], scope);
});

afterAll(() => {
  console.log(`fuzz-actions: ${figures.actions} server actions fuzzed, ${figures.inputs} malformed inputs, 0 exceptions`);
});

/** Every field present and wrong: a control character in text, or a value a form cannot even hold as given. */
const formFields = (names: string[]) =>
  fc.record(Object.fromEntries(names.map((name) => [name, fc.oneof(controlText, controlText.map((t) => t.repeat(50)))])) as Record<string, fc.Arbitrary<string>>);

describe("fuzzing every server action", () => {
  for (const [name, action, fields] of FORM_ACTIONS) {
    it(`${name}: malformed forms come back as form messages`, async () => {
      await fc.assert(
        fc.asyncProperty(formFields(fields), fc.constantFrom(null, "member", "admin"), async (values, who) => {
          figures.inputs++;
          const form = new FormData();
          for (const [key, value] of Object.entries(values)) form.set(key, value);
          session.userId = who === "member" ? member.id : who === "admin" ? admin.id : null;
          try {
            const state = await action({} as never, form);
            expect(state.ok, `${name} ${JSON.stringify(values).slice(0, 200)}`).not.toBe(true);
            expect(state.message ?? JSON.stringify(state.fieldErrors)).toMatch(/\w/);
          } finally {
            session.userId = null;
          }
        }),
        { numRuns: RUNS_PER_FAMILY },
      );
      figures.actions++;
    });
  }

  for (const [name, action] of OBJECT_ACTIONS) {
    it(`${name}: malformed arguments are refused, never thrown`, async () => {
      const input = fc.oneof(
        wrongValue,
        fc.record({ argumentId: controlText, thesisId: controlText, value: wrongValue, body: controlText, slug: controlText, cursor: controlText, side: controlText }, { requiredKeys: [] }),
        fc.anything({ maxDepth: 2 }),
      );
      await fc.assert(
        fc.asyncProperty(input, fc.constantFrom(null, "member"), async (value, who) => {
          figures.inputs++;
          session.userId = who === "member" ? member.id : null;
          try {
            const result = (await action(value as never)) as { ok?: boolean } | null;
            if (result && typeof result === "object" && "ok" in result) expect(result.ok).toBe(false);
          } finally {
            session.userId = null;
          }
        }),
        { numRuns: RUNS_PER_FAMILY },
      );
      figures.actions++;
    });
  }

  it("changed nothing the callers could write", async () => {
    expect(await footprint([member.id, admin.id], scope)).toEqual(before);
  });
});
