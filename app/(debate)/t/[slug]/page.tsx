import type { Metadata } from "next";
import Link from "next/link";
import { getThesisPage, getThesisBySlug } from "@/server/theses/get-thesis-page";
import { getCurrentUser } from "@/server/auth/current-user";
import { buildArgumentTree } from "@/lib/argument-tree";
import { ThesisHeader } from "@/components/theses/thesis-header";
import { ArgumentList } from "@/components/arguments/argument-tree";
import { AddArgument } from "@/components/arguments/add-argument";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { canModerateThesis } from "@/server/moderation/permissions";
import { ThesisModerationBar } from "@/components/moderation/thesis-moderation-bar";
import { loadCitations } from "@/server/citations/load-citations";
import { getThesisVoting } from "@/server/votes/get-thesis-voting";
import { parseSiblingSort, siblingComparator } from "@/lib/scoring/sort";
import { ThesisVotingPanel } from "@/components/votes/thesis-voting-panel";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sort?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thesis = await loadOrNotFound(getThesisBySlug((await params).slug));
  return { title: thesis.title };
}

export default async function ThesisPage({ params, searchParams }: Props) {
  const { slug } = await params;
  // The viewer first: the loader leaves hidden text out for anyone who may not read it.
  const viewer = await getCurrentUser();
  const { thesis, argumentRows } = await loadOrNotFound(getThesisPage(slug, viewer));
  // Votes: sibling order (?sort=best|newest|disputed), the viewer's votes, strength and stances.
  const sort = parseSiblingSort((await searchParams).sort);
  const voting = await getThesisVoting(thesis, viewer?.id);
  const roots = buildArgumentTree(argumentRows, null, siblingComparator(sort));
  const ctx = {
    thesisId: thesis.id,
    slug: thesis.slug,
    viewerId: viewer?.id ?? null,
    viewerModerates: await canModerateThesis(viewer, thesis.id),
    sort,
    voting: { votes: voting.votes, strengths: voting.strength.arguments, open: voting.open },
    // Evidence: footnotes of every argument on the page, one query.
    citations: await loadCitations(argumentRows.map((row) => row.id)),
  };
  const open = thesis.status === "OPEN" && thesis.visibility === "VISIBLE";
  const columns = [
    { stance: "PRO" as const, title: "For", nodes: roots.filter((n) => n.stance === "PRO") },
    { stance: "CON" as const, title: "Against", nodes: roots.filter((n) => n.stance === "CON") },
  ];
  return (
    <div className="space-y-6">
      <ThesisHeader thesis={thesis} />
      <ThesisModerationBar thesis={thesis} viewer={viewer} moderates={ctx.viewerModerates} />
      <ThesisVotingPanel thesis={thesis} voting={voting} signedIn={viewer !== null} sort={sort} />
      <div className="grid gap-6 lg:grid-cols-2">
        {columns.map((column) => (
          <section key={column.stance} aria-labelledby={`col-${column.stance}`} className="space-y-3">
            <h2 id={`col-${column.stance}`} className={`text-lg font-bold ${column.stance === "PRO" ? "text-pro" : "text-con"}`}>
              {column.title} ({column.nodes.length})
            </h2>
            {open &&
              (viewer ? (
                <AddArgument thesisId={thesis.id} stance={column.stance} />
              ) : (
                <p className="text-sm">
                  <Link href={`/login?callbackUrl=/t/${thesis.slug}`} className="text-blue-700 underline">
                    Sign in
                  </Link>{" "}
                  to add an argument {column.stance === "PRO" ? "for" : "against"} this thesis.
                </p>
              ))}
            {column.nodes.length > 0 ? (
              <ArgumentList nodes={column.nodes} ctx={ctx} label={`Arguments ${column.title.toLowerCase()}`} />
            ) : (
              <p className="text-sm text-slate-600">No arguments {column.title.toLowerCase()} yet.</p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
