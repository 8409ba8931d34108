import type { FeedItem } from './feedItems.ts';
import { useT } from '../i18n.ts';

/** The inject feed, newest first. All text is rendered as text. */
export function Feed({ items, level = 4 }: { items: FeedItem[]; level?: 3 | 4 }) {
  const H = level === 3 ? 'h3' : 'h4';
  const { t } = useT();
  if (items.length === 0) return <p className="muted">{t('noInjects')}</p>;
  return (
    <ol className="feed" aria-live="polite">
      {items.map((f) => (
        <li key={f.id} className={`inject urgency-${f.urgency}`} data-inject={f.id}>
          <div className="inject-meta">
            <time>{f.at}</time>
            <span className="source">{f.source}</span>
            {f.adhoc ? <span className="tag">{t('adhoc')}</span> : null}
            {f.urgency !== 'routine' ? (
              <span className={`tag tag-${f.urgency}`}>{t(`urgency_${f.urgency}` as 'urgency_flash')}</span>
            ) : null}
          </div>
          {f.title ? <H className="inject-title">{f.title}</H> : null}
          <p className="prewrap inject-text">{f.text}</p>
        </li>
      ))}
    </ol>
  );
}
