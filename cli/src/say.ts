import type { Lang, Rejection } from '@drill/engine';
import { verifyReasonText } from '@drill/report';
import { langFromEnv } from './tui/i18n.ts';

/**
 * The language of what `drill` itself says on the terminal — messages, refusals, file errors, the lines
 * a command prints about what it did — is the terminal's (LC_ALL, LC_MESSAGES, LANG, as for the
 * terminal drill). `--lang` chooses the language of the drill or the document a command writes, which
 * may be for someone else (an English AAR for a visiting evaluator from a Chinese terminal).
 */
export function messageLang(): Lang {
  return langFromEnv();
}

/** One message in the terminal's language. */
export function say(en: string, zh: string): string {
  return messageLang() === 'zh-CN' ? zh : en;
}

/**
 * Why a transcript does not hold (the engine's words), in the terminal's language; `refused`: the
 * engine's refusal of an entry on replay, worded by its code.
 */
export function reasonSaid(reason: string, refused?: Rejection): string {
  return verifyReasonText(reason, messageLang(), refused);
}
