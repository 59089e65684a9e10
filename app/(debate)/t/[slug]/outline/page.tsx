import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { getOutline, parseOpenParam, type Outline } from "@/server/arguments/get-outline";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { idSchema } from "@/lib/validation/argument";
import { markdownToText } from "@/lib/markdown";
import { debateHref } from "@/lib/debate-url";
import { argumentStrengthWords } from "@/lib/scoring/strength-words";
import { ThesisHeader } from "@/components/theses/thesis-header";
import { stanceLabel } from "@/components/arguments/stance";
import { countOf } from "@/lib/plural";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ root?: string | string[]; open?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thesis = await loadOrNotFound(getThesisBySlug((await params).slug));
  return { title: `Outline — ${thesis.title}` };
}

/**
 * Outline mode: the debate as an indented tree for readers who want the structure. Each level loads when its
 * "Show replies" link is followed; the open levels are the `?open=` list, so a reload or a shared link shows the
 * same view. Works without JavaScript (the links are plain navigations; with it, they keep the scroll position).
 */
export default async function OutlinePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const rootId = typeof query.root === "string" && idSchema.safeParse(query.root).success ? query.root : null;
  const openIds = parseOpenParam(query.open);
  const viewer = await getCurrentUser();
  const outline = await loadOrNotFound(getOutline(slug, viewer, { rootId, openIds }));
  const { thesis, root } = outline;
  const href = (open: string[]) => {
    const params = new URLSearchParams();
    if (rootId) params.set("root", rootId);
    if (open.length) params.set("open", open.join(","));
    const q = params.toString();
    return `/t/${thesis.slug}/outline${q ? `?${q}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <ThesisHeader thesis={thesis} headingLevel={2} />
      <h1 className="text-xl font-bold">Outline{root ? " of a branch" : " of the debate"}</h1>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={root ? debateHref(thesis.slug, { argumentId: root.id }) : debateHref(thesis.slug)} className="text-blue-700 underline">
          Back to the debate view
        </Link>
        {root && (
          <Link href={`/t/${thesis.slug}/outline`} className="text-blue-700 underline">
            Outline of the whole debate
          </Link>
        )}
        {openIds.length > 0 && (
          <Link href={href([])} className="text-blue-700 underline">
            Collapse all
          </Link>
        )}
      </p>
      {root && (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <span className="font-semibold">{stanceLabel(root.stance, root.parentId !== null)}</span> · {root.author.name}:{" "}
          {root.bodyRedacted ? "(hidden by moderators)" : markdownToText(root.body, 200)}
        </p>
      )}
      <OutlineLevel parentId={root?.id ?? null} outline={outline} openIds={openIds} href={href} label={root ? "Replies" : "Arguments"} />
    </div>
  );
}

function OutlineLevel({
  parentId,
  outline,
  openIds,
  href,
  label,
}: {
  parentId: string | null;
  outline: Outline;
  openIds: string[];
  href: (open: string[]) => string;
  label: string;
}) {
  const level = outline.children.get(parentId);
  if (!level || level.rows.length === 0) return <p className="text-sm text-slate-600">No replies yet.</p>;
  const slug = outline.thesis.slug;
  return (
    <ul aria-label={label} className={parentId ? "mt-1 space-y-1 border-l border-slate-300 pl-3 sm:pl-5" : "space-y-1"}>
      {level.rows.map((row) => {
        const isOpen = openIds.includes(row.id);
        const text = row.bodyRedacted ? "(hidden by moderators)" : markdownToText(row.body, 140);
        const votes = row.upCount + row.downCount;
        return (
          <li key={row.id} data-testid="outline-item" data-depth={row.depth} className="min-w-0">
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className={`font-semibold ${row.stance === "PRO" ? "text-pro" : "text-con"}`}>{stanceLabel(row.stance, row.parentId !== null)}</span>
              <Link href={debateHref(slug, { argumentId: row.id })} className="min-w-0 text-slate-900 hover:underline">
                {text}
              </Link>
              <span className="text-xs text-slate-600">
                — {row.author.name}, {votes === 0 && row.strength < 0.005 ? "no votes yet" : `strength ${row.strength.toFixed(2)} (${argumentStrengthWords(row.strength)})`}
              </span>
              {row.replyCount > 0 && (
                <Link
                  href={href(isOpen ? openIds.filter((id) => id !== row.id) : [...openIds, row.id])}
                  scroll={false}
                  aria-expanded={isOpen}
                  className="text-xs font-medium text-blue-700 underline"
                  data-testid="outline-toggle"
                >
                  {isOpen ? "Hide" : "Show"} {countOf(row.replyCount, "reply", "replies")}
                  <span className="sr-only"> to {text.slice(0, 60)}</span>
                </Link>
              )}
            </div>
            {isOpen && <OutlineLevel parentId={row.id} outline={outline} openIds={openIds} href={href} label={`Replies to ${row.author.name}`} />}
          </li>
        );
      })}
      {level.more && (
        <li className="text-sm">
          <Link href={parentId ? debateHref(slug, { argumentId: parentId }) : debateHref(slug)} className="text-blue-700 underline">
            More in the debate view…
          </Link>
        </li>
      )}
    </ul>
  );
}
