const DAY_MS = 86_400_000;

/** The latest time of day `atMinutes` (UTC) at or before `now`: the digest that is due. */
export function digestSlot(now: number, atMinutes: number): number {
  const today = Math.floor(now / DAY_MS) * DAY_MS + atMinutes * 60_000;
  return today <= now ? today : today - DAY_MS;
}

/** The outbox entry of the digest of a slot (due now: it is only added once its time came), one whichever instances add it (its `dedupe`). */
export function digestEntry(slot: number) {
  const digest = `digest:${new Date(slot).toISOString()}`;
  return { dedupe: digest, kind: 'digest', payload: { digest }, dueAt: Date.now() };
}
