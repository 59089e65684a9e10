import type { Metadata } from "next";
import Link from "next/link";
import { getArgumentBranch } from "@/server/arguments/get-argument-branch";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { canModerateThesis } from "@/server/moderation/permissions";
import { loadCitations } from "@/server/citations/load-citations";
import { buildArgumentTree } from "@/lib/argument-tree";
import { markdownToText } from "@/lib/markdown";
import { ThesisHeader } from "@/components/theses/thesis-header";
import { ArgumentList, argumentPermalink } from "@/components/arguments/argument-tree";
import { ScrollToFocus } from "@/components/arguments/scroll-to-focus";
import { stanceLabel } from "@/components/arguments/stance";
import { getThesisVoting } from "@/server/votes/get-thesis-voting";
import { parseSiblingSort, siblingComparator, withSiblingSort } from "@/lib/scoring/sort";
import { SortSelector } from "@/components/votes/sort-selector";

type Props = { params: Promise<{ slug: string; argumentId: string }>; searchParams: Promise<{ sort?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, argumentId } = await params;
  const { focus, thesis } = await loadOrNotFound(getArgumentBranch(slug, argumentId));
  return { title: `${markdownToText(focus.body, 60)} — ${thesis.title}` };
}

/**
 * Permalink of one argument: its ancestors for context, then the argument and its branch, scrolled into view.
 * Replies are ordered like the thesis page's arguments (?sort=best|newest|disputed), and links keep the order.
 */
export default async function ArgumentPage({ params, searchParams }: Props) {
  const { slug, argumentId } = await params;
  const viewer = await getCurrentUser();
  const { thesis, focus, ancestors, argumentRows } = await loadOrNotFound(getArgumentBranch(slug, argumentId, viewer));
  const sort = parseSiblingSort((await searchParams).sort);
  const voting = await getThesisVoting(thesis, viewer?.id);
  const ctx = {
    thesisId: thesis.id,
    slug: thesis.slug,
    viewerId: viewer?.id ?? null,
    viewerModerates: await canModerateThesis(viewer, thesis.id),
    focusId: focus.id,
    sort,
    voting: { votes: voting.votes, strengths: voting.strength.arguments, open: voting.open },
    // Evidence: footnotes of every argument on the page, one query.
    citations: await loadCitations(argumentRows.map((row) => row.id)),
  };
  return (
    <div className="space-y-4">
      <ThesisHeader thesis={thesis} headingLevel={2} />
      <Link href={`${withSiblingSort(`/t/${thesis.slug}`, sort)}#arg-${focus.path.split("/")[0]}`} className="text-sm text-blue-700 hover:underline">
        ← Back to the whole debate
      </Link>
      <h1 className="sr-only">Argument by {focus.author.name}</h1>
      {ancestors.length > 0 && (
        <nav aria-label="Replying to" className="space-y-1">
          <ol className="space-y-1 border-l-2 border-slate-300 pl-3 text-sm text-slate-700">
            {ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <span className="font-semibold">{stanceLabel(ancestor.stance, ancestor.parentId !== null)}</span> ·{" "}
                <Link href={withSiblingSort(argumentPermalink(thesis.slug, ancestor.id), sort)} className="hover:underline">
                  {ancestor.author.name}: {ancestor.bodyRedacted ? "(hidden by moderators)" : markdownToText(ancestor.body, 120)}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <SortSelector basePath={argumentPermalink(thesis.slug, focus.id)} current={sort} />
      <ArgumentList nodes={buildArgumentTree(argumentRows, focus.parentId, siblingComparator(sort))} ctx={ctx} label="Argument and replies" />
      <ScrollToFocus elementId={`arg-${focus.id}`} />
    </div>
  );
}
