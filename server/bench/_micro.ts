import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, type TableCommand } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { Room, type Conn } from '../src/room.ts';
import { Store, type RoomRow } from '../src/store.ts';

const store = new Store(mkdtempSync(join(tmpdir(), 'rp-micro-')));
const sc = loadScenario('typhoon');
const roleIds = sc.roles.map((r) => r.id);
const TEAMS = 3;
const teamRoles = (t: number) => roleIds.filter((_, r) => r % TEAMS === t);
let bytes = 0, sends = 0;
const rooms: { room: Room; members: Conn[]; trainer: Conn }[] = [];
for (let i = 0; i < 20; i++) {
  const setup = { seed: `s${i}`, mode: 'roles' as const, lang: 'en' as const, teams: Array.from({ length: TEAMS }, (_, t) => ({ name: `Team ${t + 1}`, roles: teamRoles(t) })) };
  const t = Table.start(sc, setup, { startedAt: '2026-01-01T00:00:00Z' }) as Table;
  const saved = t.save();
  const row: RoomRow = { id: `r${i}`, code: `C${i}`, scenarioId: 'typhoon', scenarioHash: sc.contentHash, setup: saved.setup, headers: saved.transcripts.map((x) => x.header), created: 'x', status: 'open', display: { showScores: false, projectorTeam: null } };
  store.insertRoom(row);
  const tr = store.issueToken({ room: row.id, role: 'trainer', team: null, roles: [], name: 'Trainer' });
  const room = Room.open(store, row, sc, t);
  const mk = (identity: Conn['identity'], tokenId: string): Conn => ({ identity, tokenId, lang: 'en', send: (f) => { const s = JSON.stringify(f); bytes += s.length; sends++; }, sendText: (s) => { bytes += s.length; sends++; } });
  const trainer = mk({ role: 'trainer', name: 'Trainer' }, tr.id);
  room.attach(trainer, 0);
  const members: Conn[] = [];
  for (let m = 0; m < 30; m++) {
    const team = `Team ${(m % TEAMS) + 1}`;
    const seats = teamRoles(m % TEAMS);
    const roles = [seats[Math.floor(m / TEAMS) % seats.length]!];
    const tok = store.issueToken({ room: row.id, role: 'member', team, roles, name: `m${m}` });
    const c = mk({ role: 'member', team, roles, name: `m${m}` }, tok.id);
    room.attach(c, 0);
    members.push(c);
  }
  rooms.push({ room, members, trainer });
}
await new Promise((r) => setImmediate(r));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
bytes = 0; sends = 0;
let cseq = 1, accepted = 0, received = 0;
const flush = () => new Promise((r) => setImmediate(r));
for (const r of rooms) { r.room.command(r.trainer, { t: 'cmd', cseq: cseq++, command: { type: 'start' } }); received++; }
await flush();
for (let step = 0; step < 12; step++) {
  for (const r of rooms) {
    r.room.command(r.trainer, { t: 'cmd', cseq: cseq++, command: { type: 'next' } }); received++; accepted++;
    await flush();
    // every member answers what is open at their seat (the first wins)
    for (const m of r.members) {
      const v = r.room.table.sharedView({ kind: 'member', team: m.identity.team!, roles: m.identity.roles! }, 'en');
      for (const d of v.lanes[0]!.view.open) {
        const first = d.options[0]; if (!first) continue;
        const command: TableCommand = d.kind === 'allocate' ? { type: 'choose', team: m.identity.team!, decision: d.decision, allocation: { [first.id]: d.budget ?? 0 } } : { type: 'choose', team: m.identity.team!, decision: d.decision, options: [first.id], rationale: 'bench' };
        const before = r.room.table.seq;
        r.room.command(m, { t: 'cmd', cseq: cseq++, command }); received++;
        if (r.room.table.seq > before) accepted++;
        await flush();
      }
    }
  }
}
const cpu = process.cpuUsage(cpu0);
console.log(`received ${received} accepted ${accepted}; cpu user ${(cpu.user / 1000).toFixed(0)} ms system ${(cpu.system / 1000).toFixed(0)} ms; per accepted ${((cpu.user + cpu.system) / 1000 / accepted).toFixed(3)} ms; wall ${(performance.now() - t0).toFixed(0)} ms; sends ${sends} bytes/accepted ${(bytes / accepted).toFixed(0)}`);
