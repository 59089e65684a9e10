import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listTheses } from "@/server/theses/list-theses";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { NotFoundError } from "@/server/errors";
import { createThesisSchema } from "@/lib/validation/thesis";
import { topicSlug } from "@/lib/validation/topic";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

describe("theses", () => {
  it("gets a readable slug, and a numbered one when the title repeats", async () => {
    const user = await makeUser();
    const title = `Cities should ban cars ${randomUUID().slice(0, 6)}`;
    const first = await makeThesis(user, title);
    const second = await makeThesis(user, title);
    expect(first.slug).toBe(slugOf(title));
    expect(second.slug).toBe(`${slugOf(title)}-2`);
    expect((await getThesisBySlug(first.slug)).title).toBe(title);
  });

  it("validates title and description", () => {
    const errors = (input: unknown) => createThesisSchema.safeParse(input).error?.flatten().fieldErrors;
    expect(errors({ title: "   " })?.title).toEqual(["Give the thesis a title."]);
    expect(errors({ title: "x".repeat(201) })?.title).toEqual(["Titles can have at most 200 characters."]);
    expect(errors({ title: "ok", body: "y".repeat(5001) })?.body?.[0]).toMatch(/at most 5000/);
    expect(createThesisSchema.parse({ title: "x".repeat(200) }).body).toBe("");
  });

  it("answers a malformed or unknown slug with not-found", async () => {
    await expect(getThesisBySlug("../etc/passwd")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getThesisBySlug("Upper-Case")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getThesisBySlug(`no-such-thesis-${randomUUID().slice(0, 6)}`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists newest first with counts for and against, and most active by the latest argument", async () => {
    const user = await makeUser();
    const topic = `Listing ${randomUUID().slice(0, 8)}`;
    const quiet = await makeThesis(user, undefined, [topic]);
    const busy = await makeThesis(user, undefined, [topic]);
    const newest = await makeThesis(user, undefined, [topic]);
    await makeArgument(user, { thesisId: busy.id, stance: "PRO" });
    await makeArgument(user, { thesisId: busy.id, stance: "PRO" });
    const con = await makeArgument(user, { thesisId: busy.id, stance: "CON" });
    await makeArgument(user, { thesisId: busy.id, parentId: con.id, stance: "CON" });
    const topicId = (await db.topic.findUniqueOrThrow({ where: { slug: topicSlug(topic) } })).id;

    const byNew = (await listTheses({ sort: "newest", topicId })).theses;
    expect(byNew.map((t) => t.id)).toEqual([newest.id, busy.id, quiet.id]);
    expect(byNew.find((t) => t.id === busy.id)).toMatchObject({ proCount: 2, conCount: 1, argumentCount: 4 });

    const active = (await listTheses({ sort: "active", topicId })).theses.map((t) => t.id);
    expect(active).toEqual([busy.id, newest.id, quiet.id]);
  });

  it("never half-creates: a thesis by a user who does not exist leaves nothing", async () => {
    const title = `Orphan ${randomUUID()}`;
    await expect(makeThesis({ id: "no-such-user" }, title)).rejects.toThrow();
    expect(await db.thesis.count({ where: { title } })).toBe(0);
  });
});

function slugOf(title: string) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
