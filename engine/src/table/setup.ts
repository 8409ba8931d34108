import { z } from 'zod';
import { ALL_ROLES } from '../scenario/compile.ts';
import type { Scenario } from '../scenario/model.ts';
import { COLLEAGUE_LEVELS, withColleagues, type Participant } from '../state.ts';
import { LANGUAGES, type Lang } from '../text.ts';

/**
 * How a classroom drill is laid out. `roles`: one drill, each team holds some of the seats (the room
 * plays together); `parallel`: every team plays the whole drill on its own, on the same seed and clock,
 * so their results compare.
 */
export const TableSetupSchema = z.strictObject({
  seed: z.string().min(1).max(200),
  mode: z.enum(['roles', 'parallel']),
  teams: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(80),
        roles: z.array(z.string().min(1).max(200)).max(100),
      }),
    )
    .min(1)
    .max(40),
  lang: z.enum(LANGUAGES),
  /** Who plays the seats no team holds (role mode); their choices are recorded, never charged. */
  colleagues: z.enum(COLLEAGUE_LEVELS).default('competent'),
});

export type TableSetup = z.output<typeof TableSetupSchema>;
export type TableSetupInput = z.input<typeof TableSetupSchema>;
export type TableMode = TableSetup['mode'];

/** The participant id a team plays under in its session (stable: transcripts and tokens name it). */
export const teamParticipantId = (i: number): string => `team-${i + 1}`;

/**
 * Problems with a setup, in words a trainer can act on (in `lang`: the room server answers a Chinese
 * console in Chinese); empty when it can start.
 */
export function setupProblems(scenario: Scenario, s: TableSetup, lang: Lang = 'en'): string[] {
  const zh = lang === 'zh-CN';
  const out: string[] = [];
  const names = s.teams.map((t) => t.name.trim());
  if (names.some((n) => n === '')) out.push(zh ? '每个小组都需要名称' : 'every team needs a name');
  if (new Set(names).size !== names.length) out.push(zh ? '小组名称不能重复' : 'team names must differ');
  const roleIds = new Set(scenario.roles.map((r) => r.id));
  for (const t of s.teams) {
    const name = t.name.trim();
    const bad = t.roles.find((r) => r !== ALL_ROLES && !roleIds.has(r));
    if (bad)
      out.push(zh ? `${name}：本想定没有岗位“${bad}”` : `${name}: this scenario has no role \`${bad}\``);
    if (s.mode === 'roles' && t.roles.length === 0)
      out.push(
        zh
          ? `${name}未担任任何岗位：请至少勾选一个岗位，或改用平行模式`
          : `${name} plays no role: tick at least one of its roles, or use parallel mode`,
      );
  }
  return out;
}

/** The participants of each session: one session in role mode, one per team in parallel mode. */
export function sessionParticipants(scenario: Scenario, s: TableSetup): Participant[][] {
  const teams = s.teams.map((t, i) => ({
    id: teamParticipantId(i),
    name: t.name.trim(),
    team: t.name.trim(),
  }));
  if (s.mode === 'roles')
    return [
      withColleagues(
        scenario,
        teams.map((t, i) => ({ ...t, roles: [...s.teams[i]!.roles] })),
        s.colleagues,
      ),
    ];
  return teams.map((t) => [{ ...t, roles: [ALL_ROLES] }]);
}
