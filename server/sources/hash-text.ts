import "server-only";
import { createHash } from "node:crypto";

/** SHA-256 (hex) of the snapshot text as stored, UTF-8 encoded: anyone can re-check a snapshot against it. */
export function hashSnapshot(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
