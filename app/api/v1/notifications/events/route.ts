import { NextResponse } from "next/server";
import { eventStreamResponse } from "@/server/live/event-stream-response";
import { errorAnswer } from "@/server/api/answers";
import { getCurrentUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/errors";
import { unreadCountStream } from "@/server/notifications/unread-stream";

/**
 * GET /api/v1/notifications/events: the signed-in member's unread count as Server-Sent Events (`event: unread`,
 * `data: { "unread": n }`), sent on connect and whenever it changes; the header's bell follows it. Session cookie
 * only: it serves the website's header. Not wrapped in apiRoute: the answer is a stream, not JSON.
 */
export async function GET(request: Request) {
  try {
    const viewer = await getCurrentUser();
    if (!viewer) throw new UnauthorizedError();
    return eventStreamResponse(unreadCountStream({ userId: viewer.id, signal: request.signal }));
  } catch (error) {
    const { status, body, headers } = errorAnswer(error);
    return NextResponse.json(body, { status, headers });
  }
}
