import type { getThesisVoting } from "@/server/votes/get-thesis-voting";
import type { SiblingSort } from "@/lib/scoring/sort";
import { ThesisStrengthPanel } from "./thesis-strength";
import { StancePoll } from "./stance-poll";
import { SortSelector } from "./sort-selector";

type Voting = Awaited<ReturnType<typeof getThesisVoting>>;

/** Under the thesis header: computed strength next to where members stand, then the sort order of arguments. */
export function ThesisVotingPanel({
  thesis,
  voting,
  signedIn,
  sort,
}: {
  thesis: { id: string; slug: string };
  voting: Voting;
  signedIn: boolean;
  sort: SiblingSort;
}) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2">
        <ThesisStrengthPanel strength={voting.strength} slug={thesis.slug} />
        <StancePoll
          thesisId={thesis.id}
          initial={{ counts: voting.stances.counts, mine: voting.stances.mine }}
          canAnswer={signedIn}
          closed={!voting.open}
          loginHref={`/login?callbackUrl=${encodeURIComponent(`/t/${thesis.slug}`)}`}
        />
      </div>
      <SortSelector basePath={`/t/${thesis.slug}`} current={sort} />
    </div>
  );
}
