// Why POST /api/rooms refused a room's setup, in the trainer's language. The words are chosen by each
// schema issue's code, path and limits (and, for the server's own checks on a scenario's files, by the
// request itself), never by translating zod's English messages: a Chinese console gets no English
// field name, reason or limit. The engine's setup problems (`setupProblems`) come in the language too.
import type { Lang } from '@drill/engine';
import type { z } from 'zod';
import { MAX_SCENARIO_BYTES, MAX_SCENARIO_FILES } from './protocol.ts';

type Issue = z.core.$ZodIssue;

/** Fields of a room's setup by name in Chinese (a path is read as "the Nth team's name"). */
const FIELD_ZH: Record<string, string> = {
  seed: '随机种子',
  mode: '演练方式',
  teams: '小组',
  name: '名称',
  roles: '岗位',
  lang: '语言',
  colleagues: '模拟同事水平',
  scenario: '想定',
  entry: '入口文件',
  files: '文件',
  evaluators: '评估人员数',
};

/** The values of the setup's enumerations in Chinese (as the console's create form names them). */
const VALUE_ZH: Record<string, string> = {
  roles: '分角色',
  parallel: '平行',
  en: '英文',
  'zh-CN': '中文',
  competent: '称职',
  average: '一般',
  weak: '较弱',
};

/** What a schema expected, in words (zod's `expected` names). */
const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: { en: 'text', 'zh-CN': '文字' },
  number: { en: 'a number', 'zh-CN': '数字' },
  int: { en: 'a whole number', 'zh-CN': '整数' },
  array: { en: 'a list', 'zh-CN': '列表' },
  object: { en: 'an object', 'zh-CN': '对象' },
  boolean: { en: 'true or false', 'zh-CN': '是或否' },
  record: { en: 'an object', 'zh-CN': '对象' },
};

/** The field a path names, in Chinese: "第1个小组的名称"; a field this table does not know is "其中一项". */
function fieldZh(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '请求';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg !== 'string' || !Object.hasOwn(FIELD_ZH, seg)) return '其中一项';
    const next = path[i + 1];
    if (typeof next === 'number') {
      parts.push(`第${next + 1}个${FIELD_ZH[seg]!}`);
      i++;
    } else parts.push(FIELD_ZH[seg]!);
  }
  return parts.join('的');
}

/** The value at `path` in the request (undefined when absent), read without prototype lookups. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v = body;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || typeof seg === 'symbol') return undefined;
    if (!Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function valueZh(v: unknown): string {
  const s = String(v);
  return Object.hasOwn(VALUE_ZH, s) ? VALUE_ZH[s]! : `“${s}”`;
}

/** A too_small / too_big issue's limit in words: "at most 80 characters" / "最多80个字符". */
function limitWords(i: Issue & { code: 'too_small' | 'too_big' }, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const big = i.code === 'too_big';
  const n = String(big ? i.maximum : i.minimum);
  switch (i.origin) {
    case 'string':
      if (!big && n === '1') return zh ? '不能为空' : 'must not be empty';
      return zh
        ? `${big ? `过长，最多${n}` : `过短，至少${n}`}个字符`
        : `is too ${big ? 'long' : 'short'} (${big ? 'at most' : 'at least'} ${n} characters)`;
    case 'array':
    case 'set':
      return zh
        ? `${big ? `过多，最多${n}` : `过少，至少${n}`}项`
        : `has too ${big ? 'many' : 'few'} entries (${big ? 'at most' : 'at least'} ${n})`;
    default:
      return zh
        ? `${big ? `过大，最大为${n}` : `过小，最小为${n}`}`
        : `is too ${big ? 'large' : 'small'} (${big ? 'at most' : 'at least'} ${n})`;
  }
}

/** One issue as a sentence: "teams.0.name is too long (at most 80 characters)" / "第1个小组的名称过长，最多80个字符". */
function issueWords(i: Issue, body: unknown, lang: Lang): string {
  const zh = lang === 'zh-CN';
  // A record key's issue points at the key (a file path the trainer chose): name the record instead.
  const at = i.code === 'invalid_key' ? i.path.slice(0, -1) : i.path;
  const field = zh ? fieldZh(at) : at.map(String).join('.') || 'the request';
  const say = (en: string, cn: string): string => (zh ? `${field}${cn}` : `${field} ${en}`);
  if (
    (i.code === 'invalid_type' || i.code === 'invalid_value' || i.code === 'invalid_union') &&
    valueAt(body, i.path) === undefined
  )
    return say('is missing', '缺失');
  switch (i.code) {
    case 'invalid_type': {
      const t = Object.hasOwn(TYPE_WORDS, i.expected) ? TYPE_WORDS[i.expected]![lang] : undefined;
      return t ? say(`must be ${t}`, `须为${t}`) : say('is not valid', '无效');
    }
    case 'invalid_value':
      return say(
        `must be one of ${i.values.map(String).join(', ')}`,
        `须为以下之一：${i.values.map(valueZh).join('、')}`,
      );
    case 'too_small':
    case 'too_big':
      return zh ? `${field}${limitWords(i, lang)}` : `${field} ${limitWords(i, lang)}`;
    case 'unrecognized_keys':
      return say(
        `has fields that are not accepted: ${i.keys.join(', ')}`,
        `含有不接受的字段：${i.keys.map((k) => `“${k}”`).join('、')}`,
      );
    case 'invalid_key': {
      // A file path (a record's key) over its limit: the key's own issue, said of the paths.
      const inner = i.issues[0];
      if (inner?.code === 'too_big' || inner?.code === 'too_small')
        return zh
          ? `${field}中有路径${limitWords(inner, lang)}`
          : `${field}: a file path ${limitWords(inner, lang)}`;
      return say('has a name that is not valid', '中有无效的名称');
    }
    case 'invalid_union': {
      // The shipped id (a string) or the own scenario's files (an object): the branch the request took.
      const v = valueAt(body, i.path);
      const branch = i.errors.find((b) =>
        b.every((x) => !(x.code === 'invalid_type' && x.path.length === 0)),
      );
      const first = branch?.[0];
      if ((typeof v === 'string' || (typeof v === 'object' && v !== null)) && first)
        return issueWords({ ...first, path: [...i.path, ...first.path] } as Issue, body, lang);
      return say(
        "must be a shipped scenario's id or the files of a scenario of your own",
        '须为内置想定的编号，或自定义想定的文件',
      );
    }
    case 'custom':
      return customWords(i, body, lang) ?? say('is not valid', '无效');
    default:
      return say('is not valid', '无效');
  }
}

/**
 * The server's own checks on a scenario's files (protocol.ts's ScenarioSourceSchema): its English
 * message is the server's words; in Chinese the check is told by where it points and by the files sent.
 */
function customWords(i: Issue, body: unknown, lang: Lang): string | undefined {
  if (lang !== 'zh-CN') return `${i.path.map(String).join('.')}: ${i.message}`;
  const last = i.path[i.path.length - 1];
  const src = valueAt(body, i.path[i.path.length - 1] === 'entry' ? i.path.slice(0, -1) : i.path);
  const files = valueAt(src, ['files']);
  if (last === 'entry') return `想定的入口文件“${String(valueAt(src, ['entry']))}”不在所附文件中`;
  if (typeof files !== 'object' || files === null) return undefined;
  const paths = Object.keys(files);
  if (paths.length > MAX_SCENARIO_FILES)
    return `想定的文件过多：最多${MAX_SCENARIO_FILES}个（收到${paths.length}个）`;
  return `想定过大：文件合计最多${MAX_SCENARIO_BYTES}字节`;
}

/** Why the room was not created: every problem the schema found in `body`, in `lang`. */
export function createRoomRefusal(issues: readonly Issue[], body: unknown, lang: Lang): string {
  return issues.map((i) => issueWords(i, body, lang)).join(lang === 'zh-CN' ? '；' : '; ');
}

/** The setup names a shipped scenario this server does not have. */
export function noScenarioReason(id: string, lang: Lang): string {
  return lang === 'zh-CN' ? `没有编号为“${id}”的内置想定` : `there is no scenario ${id}`;
}

/** The engine refused to start the drill for a reason other than the setup's problems (not expected). */
export function drillNotStartedReason(lang: Lang): string {
  return lang === 'zh-CN'
    ? '演练无法按此设置开始，房间未创建：请检查小组和岗位'
    : 'the drill could not start with this setup, so the room was not created: check its teams and roles';
}
