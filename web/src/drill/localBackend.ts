import {
  Table,
  type Actor,
  type Lang,
  type Scenario,
  type TableCommand,
  type TableOutcome,
  type TableSetupInput,
  type TableView,
  type TableViewer,
  type Transcript,
} from '@drill/engine';
import {
  correctionsInView,
  type BackendAccess,
  type ConsoleBackend,
  type CorrectionMark,
  type ObserveCommand,
  type TeamScore,
} from '../console/backend.ts';
import type { ScenarioSource } from '../scenarios.ts';
import { translate } from '../i18n.ts';
import { LEASE_KEY, readLease, readStored, SAVE_KEY, writeStored, type StoredDrill } from './storage.ts';

/** A lease older than this is free: its tab closed without saying so (or sleeps). */
export const LEASE_MS = 15_000;
const HEARTBEAT_MS = 5_000;

export interface LocalOptions {
  storage?: Storage;
  /** This tab's id (kept in sessionStorage so a reload is the same tab). */
  tabId?: string;
  now?: () => number;
}

/** This tab's id: survives a reload of the tab, differs between tabs. */
export function tabIdentity(): string {
  const k = 'drill.console.tab';
  try {
    const old = sessionStorage.getItem(k);
    if (old) return old;
    const id = crypto.randomUUID();
    sessionStorage.setItem(k, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

/**
 * The browser-only drill: the engine's Table, saved to localStorage after every accepted command. One
 * tab holds the drill at a time (a lease in localStorage); every other tab on it is read-only and
 * follows the saves, until it takes over explicitly. A tab never writes over a save newer than what it
 * holds: before each command it compares the stored sequence number with its table's.
 */
export class LocalBackend implements ConsoleBackend {
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private onStorage = (e: StorageEvent): void => {
    if (e.key === SAVE_KEY || e.key === LEASE_KEY || e.key === null) this.refresh();
  };
  private showScores: boolean;
  access: BackendAccess = { kind: 'writer' };
  saveError: string | undefined;

  private constructor(
    private table: Table,
    readonly source: ScenarioSource,
    readonly id: string,
    private readonly storage: Storage,
    private readonly tabId: string,
    private readonly now: () => number,
    projectorScores: boolean,
  ) {
    this.showScores = projectorScores;
    if (typeof window !== 'undefined') window.addEventListener('storage', this.onStorage);
  }

  /** Starts a new drill in this tab (replacing any saved one) and takes the lease. */
  static start(
    scenario: Scenario,
    source: ScenarioSource,
    setup: TableSetupInput,
    o: LocalOptions & { startedAt: string },
  ): LocalBackend | { error: string } {
    const t = Table.start(scenario, setup, { startedAt: o.startedAt });
    if ('error' in t) return t;
    const r = t.submit({ kind: 'trainer' }, { type: 'start' });
    if (!r.ok) return { error: r.reason };
    const b = new LocalBackend(
      t,
      source,
      crypto.randomUUID(),
      o.storage ?? localStorage,
      o.tabId ?? tabIdentity(),
      o.now ?? Date.now,
      false,
    );
    b.takeLease();
    b.persist();
    b.startHeartbeat();
    return b;
  }

  /**
   * Opens the drill saved in this browser: writer when no other live tab holds it, read-only
   * otherwise. `compile` turns the saved scenario source into a scenario.
   */
  static open(
    stored: StoredDrill,
    scenario: Scenario,
    o: LocalOptions = {},
  ): LocalBackend | { error: string } {
    const t = Table.resume(scenario, stored.saved);
    if ('error' in t) return t;
    const b = new LocalBackend(
      t,
      stored.source,
      stored.id,
      o.storage ?? localStorage,
      o.tabId ?? tabIdentity(),
      o.now ?? Date.now,
      stored.projectorScores === true,
    );
    const lease = readLease(b.storage);
    if (lease && lease.tab !== b.tabId && b.now() - lease.at < LEASE_MS)
      b.access = { kind: 'read-only', reason: 'other-tab' };
    else b.takeLease();
    b.startHeartbeat();
    return b;
  }

  get scenario(): Scenario {
    return this.table.scenario;
  }
  get setup(): Table['setup'] {
    return this.table.setup;
  }
  get seq(): number {
    return this.table.seq;
  }
  get phase(): TableView['phase'] {
    return this.table.phase;
  }
  get clock(): number {
    return this.table.clock;
  }
  get projectorScores(): boolean {
    return this.showScores;
  }

  /**
   * The Table's shared view: each lane computed once per session state, viewer and language (and scored
   * once per state), not again on every render of the console, the projector snapshot and the
   * corrections list. Frozen: read it, never modify it.
   */
  view(viewer: TableViewer, lang: Lang): TableView {
    return this.table.sharedView(viewer, lang);
  }
  scores(): TeamScore[] {
    return this.table.scores();
  }
  corrections(): CorrectionMark[] {
    return correctionsInView(this.table.view({ kind: 'facilitator' }, this.setup.lang));
  }
  defaultsClosing(command: TableCommand): Promise<ReturnType<Table['defaultsClosing']>> {
    return Promise.resolve(this.table.defaultsClosing(command));
  }
  transcripts(): Promise<Transcript[]> {
    return Promise.resolve(this.table.transcripts());
  }
  saveFile(): Promise<{ name: string; text: string; type: string }> {
    return Promise.resolve({
      name: `drill-${this.scenario.id}-save.json`,
      text: JSON.stringify(this.stored(), null, 1),
      type: 'application/json',
    });
  }

  setProjectorScores(show: boolean): void {
    this.showScores = show;
    if (this.access.kind === 'writer') this.persist();
    this.emit();
  }

  /**
   * Sends a command as the trainer. Refused without touching the table when this tab does not hold
   * the drill, or when the save moved on since this tab last read it.
   */
  submit(command: TableCommand, lang: Lang): Promise<TableOutcome> {
    return Promise.resolve(this.submitNow(command, lang));
  }

  /**
   * An observation under the evaluator's own name: the Table's evaluator actor, which may only observe,
   * so that reports name who observed (as in a room), not "trainer".
   */
  observeAs(command: ObserveCommand, evaluator: string, lang: Lang): Promise<TableOutcome> {
    return Promise.resolve(this.submitNow(command, lang, { kind: 'evaluator', name: evaluator }));
  }

  submitNow(command: TableCommand, lang: Lang, actor: Actor = { kind: 'trainer' }): TableOutcome {
    const refuse = (key: 'readOnlyRefusal' | 'staleRefusal'): TableOutcome => ({
      ok: false,
      code: 'stale',
      reason: translate(lang, key),
    });
    if (this.access.kind !== 'writer') return refuse('readOnlyRefusal');
    const lease = readLease(this.storage);
    if (lease && lease.tab !== this.tabId) {
      this.access = { kind: 'read-only', reason: 'other-tab' };
      this.refresh();
      return refuse('readOnlyRefusal');
    }
    const stored = readStored(this.storage);
    if (stored?.id !== this.id || stored.seq !== this.table.seq) {
      this.access = { kind: 'read-only', reason: 'newer-save' };
      this.refresh();
      return refuse('staleRefusal');
    }
    const r = this.table.submit(actor, command, { lang, expectSeq: this.table.seq });
    if (r.ok) {
      this.takeLease();
      this.persist();
    }
    this.emit();
    return r;
  }

  /** Takes the drill over from another tab: this tab reloads the newest save and becomes the writer. */
  takeOver(): void {
    this.reload();
    const stored = readStored(this.storage);
    if (stored && stored.id !== this.id) return; // another drill replaced this one: nothing to take
    this.takeLease();
    this.access = { kind: 'writer' };
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Releases the lease (the tab closes or starts another drill). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.onStorage);
    const lease = readLease(this.storage);
    if (lease?.tab === this.tabId) this.storage.removeItem(LEASE_KEY);
    this.access = { kind: 'closed' };
    this.listeners.clear();
  }

  /** Follows what other tabs did: a newer save is replayed; a lease taken by another tab makes this one read-only. */
  refresh(): void {
    if (this.access.kind === 'closed') return;
    const lease = readLease(this.storage);
    if (this.access.kind === 'writer' && lease && lease.tab !== this.tabId)
      this.access = { kind: 'read-only', reason: 'other-tab' };
    this.reload();
    this.emit();
  }

  private reload(): void {
    const stored = readStored(this.storage);
    if (!stored || stored.id !== this.id) {
      // The drill was discarded or replaced in another tab: this tab keeps showing it, read-only.
      if (this.access.kind === 'writer') this.access = { kind: 'read-only', reason: 'newer-save' };
      return;
    }
    this.showScores = stored.projectorScores === true;
    if (stored.seq === this.table.seq) return;
    const t = Table.resume(this.table.scenario, stored.saved);
    if (!('error' in t)) this.table = t;
  }

  private stored(): StoredDrill {
    return {
      format: 'drill-console/2',
      id: this.id,
      source: this.source,
      seq: this.table.seq,
      projectorScores: this.showScores,
      saved: this.table.save(),
    };
  }

  private persist(): void {
    this.saveError = writeStored(this.stored(), this.storage);
  }

  private takeLease(): void {
    try {
      this.storage.setItem(LEASE_KEY, JSON.stringify({ tab: this.tabId, at: this.now() }));
    } catch {
      // A full storage fails the save too, and that is reported there.
    }
  }

  private startHeartbeat(): void {
    if (typeof window === 'undefined') return;
    this.timer = setInterval(() => {
      if (this.access.kind !== 'writer') return;
      const lease = readLease(this.storage);
      if (lease && lease.tab !== this.tabId) this.refresh();
      else this.takeLease();
    }, HEARTBEAT_MS);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
