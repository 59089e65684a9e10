import Link from "next/link";
import type { ArgumentPage } from "@/server/arguments/list-argument-page";
import { debateHref } from "@/lib/debate-url";
import { ArgumentCard, type CardContext, type CardRow } from "./argument-card";
import { AddArgument } from "./add-argument";
import { DebateSides } from "./debate-sides";
import { PagedList } from "./paged-list";

type Side = ArgumentPage & { rows: CardRow[]; count: number };

const WORDS = {
  thesis: {
    PRO: { title: "For", add: "Add an argument for", field: "Your argument for the thesis", list: "Arguments for", none: "No arguments for yet." },
    CON: { title: "Against", add: "Add an argument against", field: "Your argument against the thesis", list: "Arguments against", none: "No arguments against yet." },
  },
  argument: {
    PRO: { title: "Supporting replies", add: "Add a supporting reply", field: "Your supporting reply", list: "Supporting replies", none: "No supporting replies yet." },
    CON: { title: "Rebuttals", add: "Add a rebuttal", field: "Your rebuttal", list: "Rebuttals", none: "No rebuttals yet." },
  },
} as const;

/**
 * The two sides under a focus (the thesis, or an argument): a heading with the count, the composer, one page of
 * cards and "Show more". Paging one side keeps the other side's position in the address.
 */
export function ArgumentColumns({
  ctx,
  parentId,
  sides,
  cursors,
  tab,
  draft,
}: {
  ctx: CardContext;
  /** Null under the thesis. */
  parentId: string | null;
  sides: { PRO: Side; CON: Side };
  /** The cursors the page was opened with (`?pro=`, `?con=`), kept when the other side pages. */
  cursors: { pro: string | null; con: string | null };
  tab: "PRO" | "CON";
  /** A composer to open at once, with its draft: "Cite in an argument" arrives with the citation in it. */
  draft?: { stance: "PRO" | "CON"; body: string };
}) {
  const words = WORDS[parentId ? "argument" : "thesis"];
  const href = (extra: { pro?: string | null; con?: string | null; tab?: "PRO" | "CON" }) =>
    debateHref(ctx.slug, { argumentId: parentId, sort: ctx.sort, ...cursors, ...extra });
  const column = (stance: "PRO" | "CON") => {
    const side = sides[stance];
    const w = words[stance];
    const key = stance === "PRO" ? "pro" : "con";
    const paged = cursors[key] !== null;
    const composer = ctx.open ? (
      ctx.viewerId ? (
        <div className="mb-3">
          <AddArgument
            thesisId={ctx.thesisId}
            parentId={parentId ?? undefined}
            stance={stance}
            label={w.add}
            fieldLabel={w.field}
            initialBody={draft?.stance === stance ? draft.body : undefined}
          />
        </div>
      ) : (
        <p className="mb-3 text-sm">
          <Link href={`/login?callbackUrl=${encodeURIComponent(debateHref(ctx.slug, { argumentId: parentId }))}`} className="text-blue-700 underline">
            Sign in
          </Link>{" "}
          to {w.add.charAt(0).toLowerCase() + w.add.slice(1)}.
        </p>
      )
    ) : null;
    return (
      <section aria-labelledby={`col-${stance}`} className="space-y-3">
        {paged && (
          <p className="text-sm text-slate-600">
            Later {w.list.toLowerCase()}.{" "}
            <Link href={href({ [key]: null, tab: stance })} className="text-blue-700 underline">
              Back to the first {w.list.toLowerCase()}
            </Link>
          </p>
        )}
        <PagedList
          label={w.list}
          request={{ slug: ctx.slug, parentId, stance, sort: ctx.sort }}
          nextCursor={side.nextCursor}
          nextHref={side.nextCursor ? href({ [key]: side.nextCursor, tab: stance }) : null}
          moreLabel={`Show more ${w.list.toLowerCase()}`}
          composer={composer}
          cards={side.rows.map((row) => ({ id: row.id, node: <ArgumentCard node={row} ctx={ctx} /> }))}
          heading={{ id: `col-${stance}`, title: w.title, count: side.count, className: `text-lg font-bold ${stance === "PRO" ? "text-pro" : "text-con"}` }}
        />
        {side.rows.length === 0 && !paged && <p className="text-sm text-slate-600">{w.none}</p>}
      </section>
    );
  };
  return (
    <DebateSides
      initial={tab}
      tabs={[
        { stance: "PRO", label: words.PRO.title, count: sides.PRO.count, href: href({ tab: "PRO" }) },
        { stance: "CON", label: words.CON.title, count: sides.CON.count, href: href({ tab: "CON" }) },
      ]}
    >
      {[column("PRO"), column("CON")]}
    </DebateSides>
  );
}
