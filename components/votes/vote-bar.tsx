import { countOf } from "@/lib/plural";

/** Convincing vs not convincing at a glance: a two-colour bar with its meaning as text for screen readers. */
export function VoteBar({ up, down, className = "w-20" }: { up: number; down: number; className?: string }) {
  const total = up + down;
  const share = total ? Math.round((up / total) * 100) : 0;
  return (
    <span
      role="img"
      aria-label={total ? `${share}% of ${countOf(total, "vote")} find it convincing` : "No votes on this version yet"}
      className={`inline-flex h-1.5 overflow-hidden rounded-full bg-slate-200 ${className}`}
      data-testid="vote-bar"
    >
      {total > 0 && (
        <>
          <span className="bg-emerald-600" style={{ width: `${share}%` }} />
          <span className="bg-rose-500" style={{ width: `${100 - share}%` }} />
        </>
      )}
    </span>
  );
}
