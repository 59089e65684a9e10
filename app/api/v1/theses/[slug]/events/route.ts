import { NextResponse } from "next/server";
import { eventStreamResponse } from "@/server/live/event-stream-response";
import { z } from "zod";
import { errorAnswer } from "@/server/api/answers";
import { resolveBearerToken } from "@/server/auth/api-tokens";
import { getCurrentUser } from "@/server/auth/current-user";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { viewerModeratesThesis } from "@/server/access/visibility";
import { thesisEventStream } from "@/server/live/thesis-stream";
import { InvalidInputError } from "@/server/errors";

const eventIdSchema = z.string().regex(/^\d{1,18}$/, "An event id is a whole number.");

/**
 * GET /api/v1/theses/:slug/events: Server-Sent Events for an open thesis or focus page (server/live/). The stream
 * starts after `Last-Event-ID` (the browser's reconnect) or `?after=` (the newest event id the page was rendered
 * with), so a drop loses nothing. Not wrapped in apiRoute: the answer is a stream, not JSON.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const authorization = request.headers.get("authorization");
    const viewer = authorization !== null ? await resolveBearerToken(authorization) : await getCurrentUser();
    const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
    const parsed = eventIdSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]!.message, { after: [parsed.error.issues[0]!.message] });
    const thesis = await getThesisBySlug((await params).slug, viewer);
    const moderates = await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id });
    const stream = thesisEventStream({ thesis, viewer, moderates, after: BigInt(parsed.data), signal: request.signal });
    return eventStreamResponse(stream);
  } catch (error) {
    const { status, body, headers } = errorAnswer(error);
    return NextResponse.json(body, { status, headers });
  }
}
