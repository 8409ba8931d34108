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

/** Why a hello with a good credential was refused: its room's own scenario could not be loaded now. */
export function roomUnloadableReason(lang: Lang): string {
  return lang === 'zh-CN'
    ? '服务器暂时无法载入此演练的剧本（可能无法编译或正忙），请稍后再试；如一直不行，请告知导调人员'
    : "the server could not load this room's scenario just now (it may no longer compile, or the server is busy): try again in a moment, and tell the trainer if it keeps failing";
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
