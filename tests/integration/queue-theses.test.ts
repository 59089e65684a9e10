import { describe, expect, it } from "vitest";
import { createFlag } from "@/server/flags/create-flag";
import { listQueueTheses } from "@/server/moderation/list-queue-theses";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

describe("the review queue's thesis picker", () => {
  it("offers a member the theses they own or were appointed to, and a site moderator every flagged thesis", async () => {
    process.env.AGORA_RATE_LIMITS = "off";
    const [owner, appointed, stranger, author, reporter, siteModerator] = await Promise.all([
      makeMember(),
      makeMember(),
      makeMember(),
      makeMember(),
      makeMember(),
      makeMember({ role: "MODERATOR" }),
    ]);
    const [own, other, unflagged] = await Promise.all([makeThesis(owner), makeThesis(stranger), makeThesis(stranger)]);
    await performModerationAction({ actor: stranger, input: { action: "APPOINT_MODERATOR", thesisId: other.id, handle: appointed.handle, reason: null } });
    const argument = await makeArgument(author, { thesisId: other.id });
    await createFlag({ actor: reporter, input: { targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM", details: null } });

    const slugs = async (viewer: { id: string; role: "USER" | "MODERATOR" | "ADMIN" }) => (await listQueueTheses(viewer)).map((t) => t.slug);
    expect(await slugs(owner)).toEqual([own.slug]);
    expect(await slugs(appointed)).toEqual([other.slug]);
    expect(await slugs(reporter)).toEqual([]);
    const forSiteModerator = await slugs(siteModerator);
    expect(forSiteModerator).toContain(other.slug);
    expect(forSiteModerator).not.toContain(unflagged.slug);
    expect(forSiteModerator).not.toContain(own.slug);
  });
});
