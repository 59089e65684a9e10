import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { editArgument } from "@/server/arguments/edit-argument";
import { listRevisions } from "@/server/arguments/list-revisions";
import { getThesisFirstScreen } from "@/server/theses/get-thesis-first-screen";
import { getArgumentFocus } from "@/server/arguments/get-argument-focus";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/server/errors";
import { createArgumentSchema, editArgumentSchema } from "@/lib/validation/argument";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

describe("arguments and rebuttals", () => {
  it("builds a tree to any depth with paths, depths and counters kept in step", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(alice);
    const pro = await makeArgument(alice, { thesisId: thesis.id, stance: "PRO" });
    const con = await makeArgument(bob, { thesisId: thesis.id, stance: "CON" });
    const rebuttal = await makeArgument(bob, { thesisId: thesis.id, parentId: pro.id, stance: "CON" });
    const counter = await makeArgument(alice, { thesisId: thesis.id, parentId: rebuttal.id, stance: "CON" });

    expect(counter.depth).toBe(2);
    const stored = await db.argument.findUniqueOrThrow({ where: { id: counter.id } });
    expect(stored.path).toBe(`${pro.id}/${rebuttal.id}/${counter.id}`);
    expect((await db.argument.findUniqueOrThrow({ where: { id: pro.id } })).replyCount).toBe(1);
    expect(await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } })).toMatchObject({
      proCount: 1,
      conCount: 1,
      argumentCount: 4,
    });
    // The first screen sends the top level only; replies wait for their focus.
    const screen = await getThesisFirstScreen(thesis.slug, null, { sort: "best", cursors: { PRO: null, CON: null } });
    expect(screen.sides.PRO.rows.map((a) => a.id)).toEqual([pro.id]);
    expect(screen.sides.CON.rows.map((a) => a.id)).toEqual([con.id]);
    expect(screen.sides.PRO.rows[0]!.replyCount).toBe(1);
  });

  it("opens a focus only under its own thesis's address; another thesis's, a bad id or a huge slug is a 404", async () => {
    const author = await makeUser();
    const [mine, other] = await Promise.all([makeThesis(author), makeThesis(author)]);
    const argument = await makeArgument(author, { thesisId: mine.id });
    const firstPage = { sort: "best" as const, cursors: { PRO: null, CON: null } };
    expect((await getArgumentFocus(mine.slug, argument.id, null, firstPage)).focus.id).toBe(argument.id);
    // The API's focus starts from the argument alone and finds its thesis.
    expect((await getArgumentFocus(null, argument.id, null, firstPage)).thesis.slug).toBe(mine.slug);
    await expect(getArgumentFocus(other.slug, argument.id, null, firstPage)).rejects.toThrow(NotFoundError);
    await expect(getArgumentFocus("x".repeat(5_000), argument.id, null, firstPage)).rejects.toThrow(NotFoundError);
    await expect(getArgumentFocus(mine.slug, "not an id", null, firstPage)).rejects.toThrow(NotFoundError);
    await expect(getArgumentFocus(null, "nosuchargument", null, firstPage)).rejects.toThrow(NotFoundError);
  });

  it("refuses a parent that does not exist or belongs to another thesis, and writes nothing", async () => {
    const user = await makeUser();
    const [mine, other] = await Promise.all([makeThesis(user), makeThesis(user)]);
    const foreign = await makeArgument(user, { thesisId: other.id });
    for (const parentId of [foreign.id, "doesnotexist"]) {
      const attempt = makeArgument(user, { thesisId: mine.id, parentId });
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
      await expect(attempt).rejects.toMatchObject({ fieldErrors: { parentId: [expect.stringMatching(/does not exist in this thesis/)] } });
    }
    expect(await db.argument.count({ where: { thesisId: mine.id } })).toBe(0);
    expect(await db.thesis.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ argumentCount: 0 });
    expect((await db.argument.findUniqueOrThrow({ where: { id: foreign.id } })).replyCount).toBe(0);
  });

  it("refuses a missing thesis and a locked one", async () => {
    const user = await makeUser();
    await expect(makeArgument(user, { thesisId: "nosuchthesis" })).rejects.toBeInstanceOf(NotFoundError);
    const thesis = await makeThesis(user);
    await db.thesis.update({ where: { id: thesis.id }, data: { status: "LOCKED" } });
    await expect(makeArgument(user, { thesisId: thesis.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.argument.count({ where: { thesisId: thesis.id } })).toBe(0);
  });

  it("validates bodies and stances with clear messages", () => {
    const errors = (input: object) =>
      createArgumentSchema.safeParse({ thesisId: "t1", stance: "PRO", body: "ok", ...input }).error?.flatten().fieldErrors;
    expect(errors({ body: "  " })?.body).toEqual(["Write your argument."]);
    expect(errors({ body: "x".repeat(2001) })?.body).toEqual(["Arguments can have at most 2,000 characters."]);
    expect(errors({ stance: "MAYBE" })?.stance).toEqual(["Choose whether this supports or opposes."]);
    expect(errors({ parentId: "'; drop table" })?.parentId).toBeDefined();
    expect(createArgumentSchema.parse({ thesisId: "t1", stance: "CON", body: "x".repeat(2000), parentId: "" }).parentId).toBeNull();
  });
});

describe("editing keeps history", () => {
  it("saves each edit as a revision and keeps every earlier body", async () => {
    const user = await makeUser();
    const thesis = await makeThesis(user);
    const argument = await makeArgument(user, { thesisId: thesis.id, body: "First version" });
    await editArgument({ actor: user, input: editArgumentSchema.parse({ argumentId: argument.id, body: "Second version" }) });
    await editArgument({ actor: user, input: editArgumentSchema.parse({ argumentId: argument.id, body: "Third version" }) });
    const same = await editArgument({ actor: user, input: { argumentId: argument.id, body: "Third version" } });
    expect(same.changed).toBe(false);

    const history = await listRevisions(argument.id);
    expect(history.revisions.map((r) => [r.number, r.body])).toEqual([
      [3, "Third version"],
      [2, "Second version"],
      [1, "First version"],
    ]);
    expect(history.currentRevisionId).toBe(history.revisions[0]!.id);
    const stored = await db.argument.findUniqueOrThrow({ where: { id: argument.id } });
    expect(stored.body).toBe("Third version");
    expect(stored.editedAt).not.toBeNull();
  });

  it("refuses to edit someone else's argument or one that does not exist, changing nothing", async () => {
    const [author, intruder] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id, body: "Original" });
    await expect(editArgument({ actor: intruder, input: { argumentId: argument.id, body: "Vandalised" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(editArgument({ actor: author, input: { argumentId: "nope", body: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    const history = await listRevisions(argument.id);
    expect(history.revisions.map((r) => r.body)).toEqual(["Original"]);
  });
});

