import { vi } from "vitest";

// Next's cache functions need the request context Next gives route handlers and server actions; the tests call
// those handlers directly, without it. Revalidations become spies, and unstable_cache runs its function every
// time (what a cache that always misses does; the map's freshness never depends on its cache: get-argument-map.ts).
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  unstable_cache: <F>(fn: F) => fn,
}));
