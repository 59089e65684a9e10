import "server-only";

/** The fields every answer about a source carries (the snapshot text only where it is shown). */
export const sourceSummarySelect = {
  id: true,
  canonicalUrl: true,
  url: true,
  finalUrl: true,
  title: true,
  publisher: true,
  byline: true,
  publishedAt: true,
  captureMethod: true,
  capturedAt: true,
  sha256: true,
  contentType: true,
  visibility: true,
  createdAt: true,
  addedBy: { select: { id: true, name: true, handle: true } },
} as const;
