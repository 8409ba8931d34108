import { refusalWords, type Lang, type TableRefusalCode } from '@drill/engine';
import type { RefusalCode, ServerFrame } from './protocol.ts';

type ServerCode = Exclude<RefusalCode, TableRefusalCode>;

const WORDS: Record<ServerCode, Record<Lang, string>> = {
  unauthorised: {
    en: 'this link or credential is not valid for any room here: ask the trainer for a new one',
    'zh-CN': '此链接或凭证无效，请向导调人员重新获取',
  },
  replay: {
    en: 'this input was already received (it was sent twice): nothing changed',
    'zh-CN': '此操作已收到过（重复发送），未作更改',
  },
  'too-large': { en: 'this message is too large to accept', 'zh-CN': '消息过大，无法接收' },
  'rate-limited': {
    en: 'too many messages at once: wait a moment and try again',
    'zh-CN': '发送过于频繁，请稍候再试',
  },
  'bad-frame': { en: 'this message is not one the room understands', 'zh-CN': '无法识别此消息' },
  'room-closed': {
    en: 'this drill has ended: nothing more can change',
    'zh-CN': '本次演练已结束，无法再更改',
  },
  unavailable: {
    en: 'the server could not save this input, so it was not applied: try again',
    'zh-CN': '服务器未能保存此操作，操作没有生效，请重试',
  },
};

/** A refusal's sentence in the client's language: the Table's words for its codes, the server's for the rest. */
export function refusalReason(code: RefusalCode, lang: Lang): string {
  switch (code) {
    case 'malformed':
    case 'unknown-team':
    case 'not-your-team':
    case 'not-your-seat':
    case 'trainer-only':
    case 'stale':
    case 'closed':
      return refusalWords(code, lang);
    case 'engine':
      return lang === 'zh-CN' ? '操作未被接受' : 'the drill did not accept this input';
    default:
      return WORDS[code][lang];
  }
}

/**
 * Why a hello with a good credential was refused: its room's own scenario could not be loaded now —
 * `invalid`: the files stored with it no longer compile (or its record does not replay on them), which
 * waiting does not change; `busy`: the compile ran out of time or stopped, and is tried again later.
 */
export function roomUnloadableReason(lang: Lang, why: 'invalid' | 'busy'): string {
  if (why === 'invalid')
    return lang === 'zh-CN'
      ? '此演练保存的剧本已无法被这一版本的服务器载入（无法编译），再试也不会改变：请告知导调人员'
      : "this room's scenario, as stored with it, can no longer be loaded by this version of the server (it does not compile), and trying again will not change that: tell the trainer";
  return lang === 'zh-CN'
    ? '服务器暂时无法载入此演练的剧本（编译超时或中止，服务器可能正忙），请稍后再试；如一直不行，请告知导调人员'
    : "the server could not load this room's scenario just now (compiling it ran out of time or stopped; the server may be busy): try again in a moment, and tell the trainer if it keeps failing";
}

/**
 * Why a trainer's clock command was refused as stale: it acted on an older state of the room than the
 * one the server holds (`held`), or did not say which (`sent` undefined). Names the seq the room is at.
 */
export function staleClockReason(lang: Lang, held: number, sent: number | undefined): string {
  if (lang === 'zh-CN')
    return sent === undefined
      ? `此时钟操作未注明依据的演练进度（当前为第${held}条记录），未执行：请查看最新画面后再点击`
      : `演练已有新进展（当前为第${held}条记录，你操作时为第${sent}条），未执行：请查看最新画面后再点击`;
  return sent === undefined
    ? `this clock command does not say which state of the room it was sent against (expectSeq), so it was not applied; the room is at input ${held}: look and click again`
    : `the room moved on (it is at input ${held}; you acted on input ${sent}), so this was not applied: look and click again`;
}

/** The frame that tells a client its input was refused, and why (with `stale`: the seq the room holds). */
export function refusal(
  code: RefusalCode,
  lang: Lang,
  cseq?: number,
  reason?: string,
  seq?: number,
): ServerFrame {
  return {
    t: 'refused',
    ...(cseq !== undefined ? { cseq } : {}),
    code,
    reason: reason ?? refusalReason(code, lang),
    ...(seq !== undefined ? { seq } : {}),
  };
}

/**
 * Why nothing more can be recorded: the room database was deleted or replaced under the running server
 * (`DatabaseGoneError`). `copy` is where everything it held was saved (undefined if saving failed). The
 * trainer (and the host) learn where the copy is and what to do with it; anyone else (participants, the
 * projector, evaluators) learns that nothing they sent is lost and that the trainer must act — never a
 * path on the server's disk.
 */
export function databaseGoneReason(
  lang: Lang,
  who: 'trainer' | 'participant',
  gone: { file: string; copy: string | undefined },
): string {
  const zh = lang === 'zh-CN';
  if (who === 'participant') {
    if (zh)
      return gone.copy !== undefined
        ? '服务器磁盘上的本房间记录在运行中被删除，此后无法再保存，此操作没有生效。你已提交的内容没有丢失：服务器已另存了一份副本。请导调人员恢复该副本并重启服务器，之后本页面会自动重新连接。'
        : '服务器磁盘上的本房间记录在运行中被删除，此后无法再保存，此操作没有生效。你已提交的内容仍保存在运行中的服务器里：请立即告知导调人员，在导调人员取出记录之前不要关闭服务器。';
    return gone.copy !== undefined
      ? "this room's records on the server's disk were deleted while it ran, so nothing more can be saved and this input was not applied. Nothing you already sent is lost: the server saved a copy. The trainer must put that copy back and restart the server; this page reconnects by itself then."
      : "this room's records on the server's disk were deleted while it ran, so nothing more can be saved and this input was not applied. What you already sent is still held by the running server: tell the trainer at once — the server must not be stopped before the trainer has saved it.";
  }
  if (zh)
    return gone.copy !== undefined
      ? `房间数据库 ${gone.file} 在服务器运行期间被删除或替换，此后无法再记录任何内容，此操作没有生效。已记录的内容没有丢失：全部已复制到 ${gone.copy}。请这样恢复：停止服务器，把 ${gone.copy} 移回 ${gone.file}，再启动服务器；各房间会从原处继续，参与者的页面会自动重新连接。`
      : `房间数据库 ${gone.file} 在服务器运行期间被删除或替换，此后无法再记录任何内容，此操作没有生效。复制其中的记录也失败了（磁盘已满或文件夹无法重建）：已记录的内容仍全部在运行中的服务器里，请不要停止服务器，先腾出磁盘空间或重建该文件夹；服务器每秒重试一次保存副本，保存后会说明副本的位置。`;
  return gone.copy !== undefined
    ? `the room database ${gone.file} was deleted or replaced while the server ran, so nothing more can be recorded and this was not applied. Nothing recorded is lost: all of it was copied to ${gone.copy}. To go on: stop the server, move ${gone.copy} to ${gone.file}, and start the server again; every room resumes where it was and the participants' pages reconnect by themselves.`
    : `the room database ${gone.file} was deleted or replaced while the server ran, so nothing more can be recorded and this was not applied. Copying what it held failed too (the disk is full or the folder cannot be made again): everything recorded is still held by the running server — do not stop it; free space on the disk or make the folder again. The server tries to save the copy every second and then says where it is.`;
}

/**
 * Why a page's connection was closed: this seat (credential) is open on more pages at once than a room
 * keeps (`max`); the newest ones stay. A connection the network dropped without a word is counted until
 * the server notices, so the oldest goes first: a phone that lost its Wi-Fi a few times keeps its seat.
 */
export function tooManyPagesReason(lang: Lang, max: number): string {
  return lang === 'zh-CN'
    ? `此席位同时在超过${max}个页面中打开，这个最早打开的页面已断开：如需在此继续，请重新载入本页`
    : `this seat is open on more than ${max} pages at once, and this page (the oldest) was disconnected: reload it to go on here`;
}

/** Why a hello was refused: this seat (credential) connected too often in a short time. */
export function tooManyHellosReason(lang: Lang): string {
  return lang === 'zh-CN'
    ? '此席位在短时间内连接次数过多，请稍候，页面会自动重新连接'
    : 'this seat connected too many times in a short while: wait a moment, the page reconnects by itself';
}

/** Why a join was refused: the room already has as many members as it takes (`max`). */
export function roomFullReason(lang: Lang, max: number): string {
  return lang === 'zh-CN'
    ? `此房间已有${max}人加入，无法再加入：请告知导调人员`
    : `this room already has ${max} people who joined, so no one more can join: tell the trainer`;
}
