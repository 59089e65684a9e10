const DEFAULT_IDLE_DAYS = 14;

/**
 * Seconds of inactivity after which a session ends: AGORA_SESSION_IDLE_DAYS (default 14; fractions allowed).
 * Here, not in server/, because the proxy's Auth.js configuration needs it too and must not load Prisma.
 */
export function sessionIdleSeconds(): number {
  const raw = process.env.AGORA_SESSION_IDLE_DAYS?.trim();
  const days = raw && /^\d+(\.\d+)?$/.test(raw) && Number(raw) > 0 ? Number(raw) : DEFAULT_IDLE_DAYS;
  return Math.round(days * 86_400);
}
