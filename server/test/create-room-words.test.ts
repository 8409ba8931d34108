/**
 * A room's setup refused by POST /api/rooms (the schema's field checks, a scenario the server does not
 * have, the engine's setup problems, an own scenario's file limits) is refused in the page's language,
 * else the language the setup asks for: in Chinese no English field name, reason or limit reaches the
 * trainer; in English each problem names its field and limit. Nothing is created either way.
 * Over a real socket and a real SQLite database.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PATH, MAX_SCENARIO_BYTES, type ApiError, type RoomSummary } from '../src/protocol.ts';
import { api, TWO_TEAMS_ROLES } from './kit.ts';
import { serverForFile } from './fixtures/server-for-file.ts';

const server = serverForFile();

async function create(body: unknown, lang?: string): Promise<{ status: number; body: ApiError }> {
  const res = await fetch(new URL('/api/rooms', server().url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server().hostToken}`,
      'content-type': 'application/json',
      ...(lang ? { 'accept-language': lang } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ApiError };
}

const own = (files: Record<string, string>, entry = 'a.yaml'): unknown => ({
  ...TWO_TEAMS_ROLES,
  mode: 'parallel',
  teams: [{ name: '红队', roles: [] }],
  scenario: { entry, files },
});

/**
 * Each bad setup, what the Chinese refusal must say (its fields and limits, in Chinese), what the
 * English one must say, and the request's own values a reason may quote back (ids the trainer typed).
 */
const cases: { what: string; body: unknown; zh: string[]; en: string[]; quoted?: string[] }[] = [
  {
    what: 'nothing filled in',
    body: {},
    zh: ['随机种子缺失', '演练方式缺失', '小组缺失', '语言缺失', '想定缺失'],
    en: ['seed is missing', 'mode is missing', 'teams is missing', 'scenario is missing'],
  },
  {
    what: 'every field wrong',
    body: {
      scenario: 'typhoon',
      seed: '',
      mode: 'x',
      teams: [],
      lang: 'fr',
      colleagues: 'bad',
      evaluators: 11,
      extra: 1,
    },
    zh: [
      '随机种子不能为空',
      '演练方式须为以下之一：分角色、平行',
      '小组过少，至少1项',
      '语言须为以下之一：英文、中文',
      '模拟同事水平须为以下之一：称职、一般、较弱',
      '评估人员数过大，最大为10',
      '请求含有不接受的字段：“extra”',
    ],
    en: [
      'seed must not be empty',
      'mode must be one of roles, parallel',
      'teams has too few entries (at least 1)',
      'evaluators is too large (at most 10)',
      'the request has fields that are not accepted: extra',
    ],
    quoted: ['extra'],
  },
  {
    what: "a team's name too long, an empty seat, a field of the wrong type",
    body: {
      ...TWO_TEAMS_ROLES,
      seed: 7,
      teams: [{ name: '红'.repeat(81), roles: [''] }],
      evaluators: 1.5,
    },
    zh: [
      '随机种子须为文字',
      '第1个小组的名称过长，最多80个字符',
      '第1个小组的第1个岗位不能为空',
      '评估人员数须为整数',
    ],
    en: [
      'seed must be text',
      'teams.0.name is too long (at most 80 characters)',
      'teams.0.roles.0 must not be empty',
    ],
  },
  {
    what: 'a scenario that is neither an id nor files',
    body: { ...TWO_TEAMS_ROLES, scenario: 5 },
    zh: ['想定须为内置想定的编号，或自定义想定的文件'],
    en: ["scenario must be a shipped scenario's id"],
  },
  {
    what: 'a shipped scenario the server does not have',
    body: { ...TWO_TEAMS_ROLES, scenario: 'nope' },
    zh: ['没有编号为“nope”的内置想定'],
    en: ['there is no scenario nope'],
    quoted: ['nope'],
  },
  {
    what: "the engine's setup problems (a role the scenario lacks, a team without a seat, a name twice)",
    body: {
      ...TWO_TEAMS_ROLES,
      teams: [
        { name: '红队', roles: ['nosuch'] },
        { name: '蓝队', roles: [] },
        { name: '蓝队', roles: ['fisheries'] },
      ],
    },
    zh: ['小组名称不能重复', '红队：本想定没有岗位“nosuch”', '蓝队未担任任何岗位'],
    en: ['team names must differ', 'this scenario has no role `nosuch`', 'plays no role'],
    quoted: ['nosuch'],
  },
  {
    what: 'an own scenario whose entry is not among its files',
    body: own({ 'a.yaml': 'x: 1' }, 'b.yaml'),
    zh: ['想定的入口文件“b.yaml”不在所附文件中'],
    en: ['scenario.entry: entry b.yaml is not among the files'],
    quoted: ['b.yaml'],
  },
  {
    what: 'an own scenario of too many files',
    body: own(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [i ? `f${i}.yaml` : 'a.yaml', 'x']))),
    zh: ['想定的文件过多：最多200个（收到201个）'],
    en: ['at most 200 files (got 201)'],
  },
  {
    what: 'an own scenario too large',
    body: own({ 'a.yaml': 'x'.repeat(MAX_SCENARIO_BYTES + 1) }),
    zh: [`想定过大：文件合计最多${MAX_SCENARIO_BYTES}字节`],
    en: [`at most ${MAX_SCENARIO_BYTES} bytes in all`],
  },
  {
    what: "an own scenario's file path too long",
    body: own({ 'a.yaml': 'x', [`${'d/'.repeat(MAX_PATH / 2)}x.yaml`]: 'y' }),
    zh: [`想定的文件中有路径过长，最多${MAX_PATH}个字符`],
    en: [`scenario.files: a file path is too long (at most ${MAX_PATH} characters)`],
  },
];

const CJK = /[\u4e00-\u9fff]/;
/** Chinese, with no English beyond what the request itself said (ids, file and field names it sent). */
function chinese(reason: string, quoted: string[] = []): void {
  expect(reason).toMatch(CJK);
  let rest = reason;
  for (const q of quoted) rest = rest.replaceAll(q, '');
  expect(rest, reason).not.toMatch(/[A-Za-z]/);
}

describe("a room's setup refused in the trainer's language", () => {
  it.each(cases)('$what: in Chinese (Accept-Language) every problem, no English', async (c) => {
    const r = await create(c.body, 'zh-CN,zh;q=0.9');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.error).toBe('invalid');
    chinese(r.body.reason, c.quoted);
    for (const w of c.zh) expect(r.body.reason).toContain(w);
  });

  it.each(cases)('$what: in English, naming each field and limit', async (c) => {
    const r = await create(c.body, 'en-GB,en;q=0.9');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid');
    // Chinese only where the request's own team names are quoted back.
    expect(r.body.reason.replace(/[红蓝]队|红+/g, '')).not.toMatch(CJK);
    for (const w of c.en) expect(r.body.reason).toContain(w);
  });

  it('without Accept-Language, a setup that asks for Chinese is refused in Chinese; nothing was created', async () => {
    const r = await create({
      ...TWO_TEAMS_ROLES,
      lang: 'zh-CN',
      teams: [{ name: '红队', roles: ['nosuch'] }],
    });
    expect(r.status).toBe(400);
    expect(r.body.reason).toBe('红队：本想定没有岗位“nosuch”');
    const bad = await create({ ...TWO_TEAMS_ROLES, lang: 'zh-CN', seed: '' });
    expect(bad.body.reason).toBe('随机种子不能为空');
    const list = await api<RoomSummary[]>(server().url, '/api/rooms', { token: server().hostToken });
    expect(list.body).toEqual([]);
  });
});
