import Link from "next/link";
import { FlagButton } from "./flag-button";
import { HiddenContentNotice } from "./hidden-notice";
import { ThesisModerationTools } from "./thesis-moderation-tools";
import { quietActionClass } from "@/components/ui/button";
import { EditThesisTopics } from "@/components/topics/edit-thesis-topics";

/**
 * Under the thesis header: the hidden-thesis notice, the flag control, the public log link, and the
 * moderation tools for those who moderate this thesis.
 */
export function ThesisModerationBar({
  thesis,
  viewer,
  moderates,
}: {
  thesis: {
    id: string;
    slug: string;
    status: "OPEN" | "LOCKED";
    visibility: "VISIBLE" | "HIDDEN";
    moderationNote: string | null;
    textRedacted?: boolean;
    author: { id: string };
    topics: { slug: string; name: string }[];
  };
  viewer: { id: string; role: "USER" | "MODERATOR" | "ADMIN" } | null;
  moderates: boolean;
}) {
  const siteModerator = viewer?.role === "MODERATOR" || viewer?.role === "ADMIN";
  const canAppoint = viewer !== null && (viewer.id === thesis.author.id || viewer.role === "ADMIN");
  return (
    <div className="space-y-2">
      {thesis.visibility === "HIDDEN" && <HiddenContentNotice noun="thesis" note={thesis.moderationNote} redacted={thesis.textRedacted === true} />}
      <div className="flex flex-wrap items-start gap-3 text-sm">
        {viewer && viewer.id !== thesis.author.id && <FlagButton targetType="THESIS" targetId={thesis.id} />}
        <Link href={`/t/${thesis.slug}/log`} className={quietActionClass}>
          Moderation log
        </Link>
        {moderates && (
          <Link href={`/moderation?thesis=${thesis.slug}`} className={quietActionClass}>
            Review queue
          </Link>
        )}
        {canAppoint && (
          <Link href={`/moderation/theses/${thesis.slug}`} className={quietActionClass}>
            Thesis moderators
          </Link>
        )}
        {moderates && <EditThesisTopics slug={thesis.slug} topics={thesis.topics} />}
        {moderates && (
          <ThesisModerationTools thesisId={thesis.id} locked={thesis.status === "LOCKED"} hidden={thesis.visibility === "HIDDEN"} siteModerator={siteModerator} />
        )}
      </div>
    </div>
  );
}
