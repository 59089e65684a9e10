import Link from "next/link";

/**
 * What stands in for moderated content. Hidden text is never sent to those who may not read it (the
 * loaders redact it); they see this notice with the reason. The author and moderators see the notice
 * above the text.
 */
export function HiddenArgumentNotice({
  node,
  slug,
}: {
  node: { status: "VISIBLE" | "HIDDEN"; moderationNote: string | null; duplicateOfId: string | null; bodyRedacted?: boolean };
  slug: string;
}) {
  return (
    <>
      {node.status === "HIDDEN" && (
        <p data-testid="hidden-notice" className="mt-2 rounded border border-slate-300 bg-slate-100 px-2 py-1.5 text-sm text-slate-700">
          <span className="font-semibold">Hidden by moderators</span>
          {node.moderationNote ? `: ${node.moderationNote}` : "."}{" "}
          {node.bodyRedacted ? "Replies to it remain below." : "Only its author and moderators can read the text below."}
        </p>
      )}
      {node.duplicateOfId && (
        <p className="mt-2 rounded border border-amber-200 bg-amber-50 px-2 py-1.5 text-sm text-amber-900">
          Marked as a duplicate of{" "}
          <Link href={`/t/${slug}/a/${node.duplicateOfId}`} className="underline">
            an earlier argument
          </Link>
          .
        </p>
      )}
    </>
  );
}

/** Placeholder or notice for a hidden thesis, source or quote. */
export function HiddenContentNotice({ noun, note, redacted }: { noun: string; note: string | null; redacted: boolean }) {
  return (
    <p data-testid="hidden-notice" className="rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-700">
      <span className="font-semibold">This {noun} is hidden by moderators</span>
      {note ? `: ${note}` : "."} {redacted ? "" : `Only its author and moderators can read its text.`}
    </p>
  );
}
