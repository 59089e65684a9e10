/** For/against counts with a bar showing the balance at a glance. */
export function StanceBalance({ pro, con }: { pro: number; con: number }) {
  const total = pro + con;
  const proShare = total ? Math.round((pro / total) * 100) : 50;
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="font-medium text-pro">{pro} for</span>
      <span
        className="flex h-2 w-24 overflow-hidden rounded-full bg-slate-200"
        role="img"
        aria-label={total ? `${proShare}% of top-level arguments are for the thesis` : "No arguments yet"}
      >
        {total > 0 && (
          <>
            <span className="bg-pro" style={{ width: `${proShare}%` }} />
            <span className="bg-con" style={{ width: `${100 - proShare}%` }} />
          </>
        )}
      </span>
      <span className="font-medium text-con">{con} against</span>
    </div>
  );
}
