import type { Lang } from '@drill/engine';
import { useT } from './i18n.ts';

/** The language picker every page header offers (the console, Review and the room pages). */
export function LangSelect({ setLang, className }: { setLang(l: Lang): void; className?: string }) {
  const { t, lang } = useT();
  return (
    <label className={className}>
      <span>{t('language')}</span>{' '}
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </label>
  );
}
