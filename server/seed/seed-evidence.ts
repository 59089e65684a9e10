import "server-only";
import { citationMarker } from "@/lib/validation/citation";
import { demoExcerpts, type DemoArgument, type DemoExcerpt } from "@/prisma/seed/demo-debate";
import { createPastedSource } from "../sources/create-pasted-source";
import { createQuote } from "../quotes/create-quote";

/**
 * The demo debate's evidence: each corpus article becomes one PASTED source holding its attributed excerpts
 * (the project keeps excerpts, never whole articles), and every quote the demo arguments use is anchored
 * through the real anchoring code — a demo quote that does not match its source stops the seed instead of
 * being stored. One article is one source: a source per excerpt listed the same article several times under
 * one title (in the cite picker, on /sources).
 * Returns the argument bodies with their citation markers, for createArgument to turn into footnotes.
 */
export async function seedEvidence({
  addedBy,
  actor,
  arguments: demoArguments,
}: {
  /** The member shown as having supplied the excerpts' text. */
  addedBy: { id: string };
  /** The member quoting on behalf of a demo argument (its author). */
  actor: (key: string) => { id: string };
  arguments: DemoArgument[];
}) {
  // excerpt key → id of its article's source
  const sources = new Map<string, string>();
  for (const excerpts of demoArticles()) {
    const [first] = excerpts as [DemoExcerpt, ...DemoExcerpt[]];
    const source = await createPastedSource({
      actor: addedBy,
      input: {
        title: first.title,
        url: first.url,
        publisher: first.publisher,
        byline: first.byline,
        publishedAt: first.publishedAt ? new Date(`${first.publishedAt}T00:00:00Z`) : null,
        text: excerpts.map((e) => e.text).join(EXCERPT_GAP),
      },
    });
    for (const e of excerpts) sources.set(e.key, source.id);
  }

  const bodies = new Map<string, string>();
  let quoteCount = 0;
  const visit = async (argument: DemoArgument) => {
    const markers: string[] = [];
    for (const q of argument.quotes ?? []) {
      const sourceId = sources.get(q.excerpt);
      if (!sourceId) throw new Error(`Demo argument "${argument.key}" quotes an unknown excerpt "${q.excerpt}".`);
      const { quote } = await createQuote({ actor: actor(argument.author), input: { sourceId, exact: q.exact } });
      markers.push(citationMarker(quote.id));
      quoteCount++;
    }
    bodies.set(argument.key, markers.length ? `${argument.body} ${markers.join(" ")}` : argument.body);
    for (const reply of argument.replies ?? []) await visit(reply);
  };
  for (const argument of demoArguments) await visit(argument);

  return {
    sourceCount: new Set(sources.values()).size,
    quoteCount,
    /** The body to post for a demo argument: its text followed by its citation markers. */
    bodyFor: (argument: DemoArgument) => bodies.get(argument.key) ?? argument.body,
  };
}

/** Between two excerpts of one article: the reader sees that text was left out there. */
export const EXCERPT_GAP = "\n\n[…]\n\n";

/**
 * The demo excerpts grouped by article, in the order they are listed. Excerpts of one article must agree on
 * what the article is: a mismatch is a mistake in the data and stops the seed.
 */
export function demoArticles(excerpts: DemoExcerpt[] = demoExcerpts): DemoExcerpt[][] {
  const articles = new Map<string, DemoExcerpt[]>();
  for (const excerpt of excerpts) {
    const group = articles.get(excerpt.corpusFile);
    if (!group) {
      articles.set(excerpt.corpusFile, [excerpt]);
      continue;
    }
    const first = group[0]!;
    for (const field of ["title", "publisher", "byline", "publishedAt", "url"] as const) {
      if (first[field] !== excerpt[field]) {
        throw new Error(`Demo excerpts "${first.key}" and "${excerpt.key}" come from ${excerpt.corpusFile} but disagree on its ${field}.`);
      }
    }
    group.push(excerpt);
  }
  return [...articles.values()];
}
