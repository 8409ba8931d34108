import { useEffect, useState } from 'react';
import { LANGUAGES, type Lang } from '@drill/engine';
import { LangContext, translate } from './i18n.ts';
import { LangSelect } from './LangSelect.tsx';
import { Review } from './review/Review.tsx';
import { Participant } from './projector/Participant.tsx';
import type { LoadedFile } from './review/load.ts';
import { ConsoleStart } from './room/ConsoleStart.tsx';
import { RoomPage } from './room/RoomPage.tsx';
import { currentRoute } from './room/routes.ts';
import { takeHostToken } from './room/hostToken.ts';

const LANG_KEY = 'drill.lang';
type Tab = 'console' | 'review';

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Lang;
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function App() {
  const view = new URLSearchParams(window.location.search).get('view');
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<Tab>(view === 'review' ? 'review' : 'console');
  const [incoming, setIncoming] = useState<LoadedFile[]>();
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang]);
  // The room's pages live in the URL hash; the server's trainer link brings its host token there.
  const [hostToken] = useState(takeHostToken);
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const on = (): void => setRoute(currentRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  if (view === 'participant') return <Participant />;
  if (route && route.kind !== 'console')
    return (
      <LangContext.Provider value={lang}>
        <RoomPage route={route} setLang={setLang} />
      </LangContext.Provider>
    );
  const t = (k: Parameters<typeof translate>[1]): string => translate(lang, k);
  return (
    <LangContext.Provider value={lang}>
      <a href="#main" className="skip">
        {t('skipToMain')}
      </a>
      <header className="topbar screen-only">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand-name">{t('appTitle')}</span>
          <span className="brand-sub">{t('appSubtitle')}</span>
        </div>
        <nav aria-label="main">
          {(['console', 'review'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={`tab ${tab === k ? 'active' : ''}`}
              aria-current={tab === k ? 'page' : undefined}
              onClick={() => setTab(k)}
            >
              {t(k === 'console' ? 'navConsole' : 'navReview')}
            </button>
          ))}
        </nav>
        <LangSelect className="lang" setLang={setLang} />
      </header>
      <main id="main" tabIndex={-1}>
        <h1 className="sr-only">
          {t('appTitle')} — {t(tab === 'console' ? 'navConsole' : 'navReview')}
        </h1>
        <div hidden={tab !== 'console'}>
          <ConsoleStart
            hostToken={hostToken}
            room={route?.kind === 'console' ? route.room : undefined}
            preferRoom={view === 'room'}
            onReview={(files) => {
              setIncoming(files);
              setTab('review');
            }}
          />
        </div>
        <div hidden={tab !== 'review'}>
          <Review incoming={incoming} hostToken={hostToken} visible={tab === 'review'} />
        </div>
      </main>
    </LangContext.Provider>
  );
}
