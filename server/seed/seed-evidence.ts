import "server-only";
import { citationMarker } from "@/lib/validation/citation";
import { demoExcerpts, type DemoArgument } from "@/prisma/seed/demo-debate";
import { createPastedSource } from "../sources/create-pasted-source";
import { createQuote } from "../quotes/create-quote";

/**
 * The demo debate's evidence: each attributed corpus excerpt becomes a PASTED source (the project keeps
 * excerpts, never whole articles), and every quote the demo arguments use is anchored through the real
 * anchoring code — a demo quote that does not match its excerpt stops the seed instead of being stored.
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
  const sources = new Map<string, string>();
  for (const excerpt of demoExcerpts) {
    const source = await createPastedSource({
      actor: addedBy,
      input: {
        title: excerpt.title,
        url: excerpt.url,
        publisher: excerpt.publisher,
        byline: excerpt.byline,
        publishedAt: excerpt.publishedAt ? new Date(`${excerpt.publishedAt}T00:00:00Z`) : null,
        text: excerpt.text,
      },
    });
    sources.set(excerpt.key, source.id);
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
    sourceCount: sources.size,
    quoteCount,
    /** The body to post for a demo argument: its text followed by its citation markers. */
    bodyFor: (argument: DemoArgument) => bodies.get(argument.key) ?? argument.body,
  };
}
