import {
  withColleagues,
  ALL_ROLES,
  nextEventTime,
  scoreDrill,
  Session,
  type Input,
  type Lang,
  type Scenario,
  type ScoreReport,
  type SubjectRatings,
  type Transcript,
} from '@drill/engine';
import type { ScenarioSource } from '../scenarios.ts';

export type Mode = 'roles' | 'parallel';
export interface TeamSetup {
  name: string;
  /** Roles this team plays (role-split mode); ignored in parallel mode, where every team holds all. */
  roles: string[];
}
export interface DrillSetup {
  source: ScenarioSource;
  seed: string;
  mode: Mode;
  teams: TeamSetup[];
  lang: Lang;
}

/** What the browser keeps: enough to resume exactly (transcripts are replayed and hash-checked). */
export interface SavedDrill {
  version: 1;
  setup: DrillSetup;
  transcripts: Transcript[];
}

export type Outcome = { ok: true } | { ok: false; reason: string };

const participantId = (i: number): string => `team-${i + 1}`;

/**
 * A classroom drill as the console runs it. Role-split: one engine session, one participant per team
 * holding that team's roles. Parallel: one session per team on the same seed, all moved by the same clock.
 */
export class ConsoleDrill {
  private constructor(
    readonly scenario: Scenario,
    readonly setup: DrillSetup,
    readonly sessions: Session[],
  ) {}

  static start(scenario: Scenario, setup: DrillSetup, startedAt: string): ConsoleDrill | { error: string } {
    const names = setup.teams.map((t) => t.name.trim());
    if (names.some((n) => n === '')) return { error: 'every team needs a name' };
    if (new Set(names).size !== names.length) return { error: 'team names must differ' };
    const idle = setup.mode === 'roles' ? setup.teams.find((t) => t.roles.length === 0) : undefined;
    if (idle)
      return {
        error: `${idle.name.trim()} plays no role: tick at least one of its roles, or use parallel mode`,
      };
    const meta = (team?: string): Record<string, string> => ({
      lang: setup.lang,
      mode: setup.mode,
      ...(team ? { team } : {}),
    });
    const sessions: Session[] = [];
    if (setup.mode === 'roles') {
      const participants = setup.teams.map((t, i) => ({
        id: participantId(i),
        name: t.name.trim(),
        team: t.name.trim(),
        roles: [...t.roles],
      }));
      // Seats no team holds are played by competent simulated colleagues, never charged to a team.
      const s = Session.start(scenario, {
        seed: setup.seed,
        participants: withColleagues(scenario, participants),
        startedAt,
        meta: meta(),
      });
      if ('error' in s) return { error: s.error };
      sessions.push(s);
    } else {
      for (const [i, t] of setup.teams.entries()) {
        const participants = [
          { id: participantId(i), name: t.name.trim(), team: t.name.trim(), roles: [ALL_ROLES] },
        ];
        const s = Session.start(scenario, {
          seed: setup.seed,
          participants,
          startedAt,
          meta: meta(t.name.trim()),
        });
        if ('error' in s) return { error: s.error };
        sessions.push(s);
      }
    }
    const d = new ConsoleDrill(
      scenario,
      { ...setup, teams: setup.teams.map((t) => ({ ...t, name: t.name.trim() })) },
      sessions,
    );
    const r = d.applyAll({ type: 'start' });
    return r.ok ? d : { error: r.reason };
  }

  /** Resumes a saved drill by replaying every transcript (a tampered save is refused, not trusted). */
  static resume(scenario: Scenario, saved: SavedDrill): ConsoleDrill | { error: string } {
    const sessions: Session[] = [];
    for (const t of saved.transcripts) {
      const s = Session.resume(scenario, t);
      if ('error' in s) return { error: s.error };
      sessions.push(s);
    }
    if (sessions.length === 0) return { error: 'the saved drill has no transcript' };
    return new ConsoleDrill(scenario, saved.setup, sessions);
  }

  save(): SavedDrill {
    return {
      version: 1,
      setup: this.setup,
      transcripts: this.sessions.map((s) => ({ header: s.header, entries: [...s.entries] })),
    };
  }

  get teams(): string[] {
    return this.setup.teams.map((t) => t.name);
  }
  get lead(): Session {
    return this.sessions[0]!;
  }
  get clock(): number {
    return this.lead.state.clock;
  }
  get phase(): Session['state']['phase'] {
    return this.lead.state.phase;
  }
  get inputs(): number {
    return this.sessions.reduce((a, s) => a + s.entries.length, 0);
  }

  /** The session a team plays in and its participant id there. */
  seat(team: string): { session: Session; participant: string } | undefined {
    const i = this.teams.indexOf(team);
    if (i < 0) return undefined;
    const session = this.setup.mode === 'roles' ? this.lead : this.sessions[i]!;
    return { session, participant: participantId(i) };
  }

  /** Applies an input to every session; stops at the first refusal (sessions stay in step: same phase). */
  applyAll(input: Input): Outcome {
    for (const s of this.sessions) {
      const r = s.apply(input);
      if (!r.ok) return { ok: false, reason: r.rejection.reason };
    }
    return { ok: true };
  }

  applyTeam(team: string, input: Input): Outcome {
    const seat = this.seat(team);
    if (!seat) return { ok: false, reason: `no team ${team}` };
    const r = seat.session.apply(input);
    return r.ok ? { ok: true } : { ok: false, reason: r.rejection.reason };
  }

  /**
   * "Next event": one session advances to its own next event; parallel sessions advance together to the
   * earliest next event of any of them, so every team's clock shows the same time.
   */
  advanceNext(): Outcome {
    if (this.sessions.length === 1) return this.applyAll({ type: 'advance', to: 'next' });
    const now = this.clock;
    const times = this.sessions
      .map((s) => nextEventTime(this.scenario, s.state, true))
      .filter((t): t is number => t !== undefined && t > now);
    const target = times.length ? Math.min(...times) : this.scenario.clock.end;
    if (target <= now) return this.applyAll({ type: 'advance', to: 'next' });
    return this.applyAll({ type: 'advance', minutes: target - now });
  }

  choose(
    team: string,
    decision: string,
    choice: { options: string[] } | { allocation: Record<string, number> },
    rationale: string,
  ): Outcome {
    const seat = this.seat(team);
    if (!seat) return { ok: false, reason: `no team ${team}` };
    return this.applyTeam(team, {
      type: 'choose',
      participant: seat.participant,
      decision,
      ...choice,
      ...(rationale.trim() ? { rationale } : {}),
    });
  }

  /** Decisions open now that this team may take. */
  openFor(team: string): string[] {
    const seat = this.seat(team);
    if (!seat) return [];
    const p = seat.session.state.participants.find((x) => x.id === seat.participant)!;
    return this.scenario.decisions
      .filter((d) => seat.session.state.decisions[d.id]?.status === 'open')
      .filter(
        (d) =>
          p.roles.includes(ALL_ROLES) ||
          d.roles.includes(ALL_ROLES) ||
          p.roles.some((r) => d.roles.includes(r)),
      )
      .map((d) => d.id);
  }

  score(team: string): { report: ScoreReport; ratings: SubjectRatings } | undefined {
    const seat = this.seat(team);
    if (!seat) return undefined;
    const report = scoreDrill(this.scenario, seat.session.state);
    const ratings = report.teams.find((x) => x.subject.id === team);
    return ratings ? { report, ratings } : undefined;
  }

  /** The next ad-hoc inject id: unique within every session. */
  nextAdhocId(): string {
    const n = Math.max(0, ...this.sessions.map((s) => s.state.feed.filter((f) => f.adhoc).length));
    return `adhoc-${n + 1}`;
  }

  transcriptFor(i: number): Transcript {
    return this.sessions[i]!.transcript();
  }
}
