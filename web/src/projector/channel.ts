import type { Lang } from '@drill/engine';

/** What the projector shows: already localized, so the second window needs no engine state. */
export interface ProjectorSnapshot {
  lang: Lang;
  title: string;
  team?: string;
  phase: string;
  clock: { rel: string; civil: string };
  warning?: { name: string; label: string; tone: string };
  injects: { id: string; at: string; title: string; text: string; source: string; urgency: string }[];
  questions: {
    id: string;
    prompt: string;
    options: string[];
    due: string;
    /** Who must answer: the team (and seat names), in the snapshot's language. */
    decider?: string;
    /** An allocation's whole amount, with its unit. */
    budget?: string;
    max?: number;
  }[];
  scores?: { team: string; score: string; ratings: { capability: string; rating: string }[] }[];
}

export type ProjectorMessage = { type: 'snapshot'; snapshot: ProjectorSnapshot | null } | { type: 'hello' };

export const CHANNEL = 'drill-projector';

export function openChannel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
}
