import { describe, expect, it } from "vitest";
import { MAX_MENTIONS_PER_ARGUMENT, mentionedHandles } from "@/lib/notifications/mentions";

describe("mentionedHandles", () => {
  it("reads handles once each, lower-cased, in order; not e-mail addresses, not a trailing hyphen", () => {
    expect(mentionedHandles("@ann-lee, @Bob and a@b.org or x@ann; (@ann-lee) @carl-")).toEqual(["ann-lee", "bob"]);
    expect(mentionedHandles("**@ines-duarte** said so.\n@sam")).toEqual(["ines-duarte", "sam"]);
  });

  it("stops at the limit, so a list of handles cannot notify the whole site", () => {
    const body = Array.from({ length: MAX_MENTIONS_PER_ARGUMENT + 2 }, (_, i) => `@m${i}`).join(" ");
    expect(mentionedHandles(body)).toHaveLength(MAX_MENTIONS_PER_ARGUMENT);
  });
});
