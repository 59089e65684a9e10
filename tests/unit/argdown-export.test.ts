import { describe, expect, it } from "vitest";
import { ArgdownApplication, ModelPlugin, ParserPlugin } from "@argdown/core";
import { toArgdown } from "@/server/interchange/to-argdown";
import type { ExportArgument, ThesisExport } from "@/lib/interchange/export-schema";

const person = { handle: "ann", name: "Ann" };
const time = "2026-01-01T00:00:00.000Z";

function argument(id: string, parentId: string | null, stance: "PRO" | "CON", body: string): ExportArgument {
  return {
    id, parentId, stance, author: person, createdAt: time, editedAt: null, status: "VISIBLE", moderationNote: null, duplicateOfId: null,
    currentRevision: 1, revisions: [{ number: 1, body, editor: person, minor: false, createdAt: time, citations: [] }],
    votes: { up: 0, down: 0, staleUp: 0, staleDown: 0 }, strength: 0,
  };
}

// Text members really write: Markdown, brackets, angle brackets, tags, mentions, comments, relation-like lines.
const NASTY = [
  "# Heading\n\n- a list item\n+ another\n\n> quoted [link](https://example.org) and [Statement]: and <Argument>: here",
  "Costs: 10% < 20% > 5%; see {data: 1}, #tag @mention, // not a comment /* nor this */ <!-- nor this -->",
  "*emphasis* _under_ **bold** __bold__ `code` \\ backslash .special. :colon: === front === --- rule",
  "<+ <fake>: injected relation\n  <- [fake]: another\n[[q:abc123]] a citation marker",
];

function parse(text: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new ModelPlugin(), "build-model");
  return app.run({ process: ["parse-input", "build-model"], input: text });
}

describe("Argdown export", () => {
  it("escapes whatever members write, so Argdown's parser reads exactly one argument per argument and no more", () => {
    const args = [
      argument("a1", null, "PRO", NASTY[0]!),
      argument("a2", "a1", "CON", NASTY[1]!),
      argument("a3", "a2", "PRO", NASTY[2]!),
      argument("a4", null, "CON", NASTY[3]!),
    ];
    const document = {
      format: "agora.thesis-export", version: 1, exportedAt: time, scope: "complete",
      thesis: { id: "t1", slug: "a-thesis", title: "A [thesis]: with <odd> #chars", body: "", author: person, createdAt: time, status: "OPEN", visibility: "VISIBLE", moderationNote: null, strength: 0.5, stances: { "-2": 0, "-1": 0, "0": 0, "1": 0, "2": 0 } },
      sources: [], arguments: args, moderationLog: [],
    } satisfies ThesisExport;
    const result = parse(toArgdown(document));
    expect(result.lexerErrors ?? []).toEqual([]);
    expect(result.parserErrors ?? []).toEqual([]);
    expect(Object.keys(result.arguments!).sort()).toEqual(["a1", "a2", "a3", "a4"]);
    expect(Object.keys(result.statements!)).toEqual(["a-thesis"]);
    expect(result.relations!.map((r) => `${r.from!.title} ${r.relationType} ${r.to!.title}`).sort()).toEqual(
      ["a1 support a-thesis", "a2 attack a1", "a3 support a2", "a4 attack a-thesis"].sort(),
    );
    expect(result.arguments!.a2!.members.at(-1)!.text).toBe(
      "Costs: 10% < 20% > 5%; see {data: 1}, #tag @mention, // not a comment /* nor this */ <!-- nor this -->",
    );
    expect(result.arguments!.a4!.members.at(-1)!.text).toBe("<+ <fake>: injected relation <- [fake]: another a citation marker");
  });
});
