import Link from "next/link";
import { markdownToText } from "@/lib/markdown";
import { debateHref } from "@/lib/debate-url";
import type { SiblingSort } from "@/lib/scoring/sort";
import { stanceLabel } from "./stance";

interface Crumb {
  id: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  body: string;
  bodyRedacted?: boolean;
  author: { name: string };
}

/** The path from the thesis down to the focused argument; each step opens that focus. */
export function FocusBreadcrumb({
  thesis,
  ancestors,
  focus,
  sort,
}: {
  thesis: { slug: string; title: string };
  ancestors: Crumb[];
  focus: Crumb;
  sort: SiblingSort;
}) {
  const text = (crumb: Crumb) => (crumb.bodyRedacted ? "(hidden by moderators)" : markdownToText(crumb.body, 80));
  return (
    <nav aria-label="Path from the thesis" className="min-w-0">
      <ol className="flex flex-col gap-1 text-sm text-slate-700">
        <li className="min-w-0 truncate">
          <Link href={debateHref(thesis.slug, { sort })} className="font-semibold text-blue-700 hover:underline">
            Thesis: {thesis.title}
          </Link>
        </li>
        {ancestors.map((crumb, i) => (
          <li key={crumb.id} className="min-w-0 truncate" style={{ paddingLeft: `${Math.min(i + 1, 4) * 0.75}rem` }} data-testid="breadcrumb-ancestor">
            <span aria-hidden="true">↳ </span>
            <span className="font-semibold">{stanceLabel(crumb.stance, crumb.parentId !== null)}</span> ·{" "}
            <Link href={debateHref(thesis.slug, { argumentId: crumb.id, sort })} className="hover:underline">
              {crumb.author.name}: {text(crumb)}
            </Link>
          </li>
        ))}
        <li className="min-w-0 truncate" style={{ paddingLeft: `${Math.min(ancestors.length + 1, 4) * 0.75}rem` }} aria-current="page">
          <span aria-hidden="true">↳ </span>
          <span className="font-semibold">{stanceLabel(focus.stance, focus.parentId !== null)}</span> · {focus.author.name}: {text(focus)}
        </li>
      </ol>
    </nav>
  );
}
