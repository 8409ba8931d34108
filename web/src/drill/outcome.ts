/** What a control gets back from the drill it acted on: done, or refused with a reason to show next to it. */
export type Outcome = { ok: true } | { ok: false; reason: string };
