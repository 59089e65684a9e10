/**
 * `@handle` mentions in an argument body. Handles are what server/users/create-handle.ts makes: lower-case
 * letters, digits and hyphens. An e-mail address (`name@host`) is not a mention, so the `@` must not follow a
 * letter, digit or another handle character.
 */
const MENTION = /(?<![\p{L}\p{N}_@.-])@([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)(?![a-z0-9-])/giu;

/** At most this many members are notified per argument, so a list of handles cannot be used to spam. */
export const MAX_MENTIONS_PER_ARGUMENT = 10;

/** Distinct handles named in `body`, lower-cased, in order of first appearance, at most MAX_MENTIONS_PER_ARGUMENT. */
export function mentionedHandles(body: string): string[] {
  const handles: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const handle = match[1]!.toLowerCase();
    if (!handles.includes(handle)) handles.push(handle);
    if (handles.length === MAX_MENTIONS_PER_ARGUMENT) break;
  }
  return handles;
}
