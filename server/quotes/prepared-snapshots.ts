import "server-only";
import { prepareText, type PreparedText } from "@/lib/anchoring";

// Normalising a long snapshot is most of the cost of anchoring; members quoting one source several times in a
// row reuse it. Keyed by content hash, so an entry can never describe other text. Per process, and a miss
// only costs the normalisation again, so it needs no sharing between processes.
const cache = new Map<string, PreparedText>();
const MAX_ENTRIES = 32;

export function preparedSnapshot(sha256: string, text: string): PreparedText {
  const hit = cache.get(sha256);
  if (hit && hit.original === text) {
    cache.delete(sha256);
    cache.set(sha256, hit);
    return hit;
  }
  const prepared = prepareText(text);
  cache.set(sha256, prepared);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return prepared;
}
