import { useEffect, useState } from 'react';
import { localize } from '@drill/engine';
import type { JoinInfo, Joined } from '@drill/server/protocol';
import { useT } from '../i18n.ts';
import { api } from './api.ts';
import { saveCredential } from './credentials.ts';
import { seatHash } from './routes.ts';

/**
 * A participant arrives with the room's code (from the QR code or the link): confirms it, gives a
 * name, picks a team and seats, and is sent to their seat. The seat's token is kept in this browser.
 */
export function JoinPage({ code: initial }: { code: string }) {
  const { t, lang } = useT();
  const [code, setCode] = useState(initial.toUpperCase());
  const [info, setInfo] = useState<JoinInfo>();
  const [lookupError, setLookupError] = useState<string>();
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const [seats, setSeats] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const lookUp = async (c: string): Promise<void> => {
    setLookupError(undefined);
    const r = await api<JoinInfo>(`/api/join/${encodeURIComponent(c.trim().toUpperCase())}`, { lang });
    if (!r.ok) {
      setInfo(undefined);
      setLookupError(r.status === 404 ? t('roomNotFound') : r.reason);
      return;
    }
    setInfo(r.value);
    setTeam((old) => old || r.value.teams[0]?.name || '');
  };
  useEffect(() => {
    if (initial) void lookUp(initial);
    // Only the code the page was opened with is looked up by itself.
  }, [initial]);

  const teamInfo = info?.teams.find((x) => x.name === team);
  const join = async (): Promise<void> => {
    if (!info) return;
    setBusy(true);
    setError(undefined);
    const r = await api<Joined>(`/api/join/${encodeURIComponent(code.trim().toUpperCase())}`, {
      method: 'POST',
      body: { team, roles: seats, name: name.trim() },
      lang,
    });
    setBusy(false);
    if (!r.ok) {
      setError(t('joinFailed', { reason: r.reason }));
      return;
    }
    saveCredential('member', r.value.room, { token: r.value.token, name: r.value.name, team: r.value.team });
    window.location.hash = seatHash(r.value.room);
  };

  return (
    <main id="main" className="room-page join" tabIndex={-1}>
      <h1>{t('roomJoinTitle')}</h1>
      {info ? <p className="muted">{localize(info.scenario.title, lang)}</p> : null}
      <form
        className="join-form"
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(code);
        }}
      >
        <div className="field">
          <label htmlFor="join-code">{t('roomCode')}</label>
          <input
            id="join-code"
            value={code}
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={12}
            aria-describedby="join-code-help"
            onChange={(e) => {
              setCode(e.target.value.toUpperCase());
              // Another code is another room: its teams and seats are looked up again before anyone
              // joins (else Join went to the new code with the team and seats of the room shown).
              setInfo(undefined);
              setTeam('');
              setSeats([]);
              setError(undefined);
            }}
          />
          <p id="join-code-help" className="help">
            {t('roomCodeHelp')}
          </p>
        </div>
        {!info ? (
          <button type="submit" className="primary">
            {t('findRoom')}
          </button>
        ) : null}
        {lookupError ? (
          <p role="alert" className="refusal">
            {lookupError}
          </p>
        ) : null}
      </form>
      {info ? (
        <form
          className="join-form"
          onSubmit={(e) => {
            e.preventDefault();
            void join();
          }}
        >
          <div className="field">
            <label htmlFor="join-name">{t('yourName')}</label>
            <input
              id="join-name"
              value={name}
              required
              maxLength={80}
              autoComplete="name"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <fieldset className="field">
            <legend>{t('pickTeam')}</legend>
            {info.teams.map((tm) => (
              <label key={tm.name} className="radio">
                <input
                  type="radio"
                  name="join-team"
                  value={tm.name}
                  checked={team === tm.name}
                  onChange={() => {
                    setTeam(tm.name);
                    setSeats([]);
                  }}
                />
                <span>
                  {tm.name} <span className="muted">({tm.members})</span>
                </span>
              </label>
            ))}
          </fieldset>
          {teamInfo && teamInfo.roles.length > 0 ? (
            <fieldset className="field seat-list">
              <legend>{t('pickSeats')}</legend>
              <p className="help">{t('seatsHelp')}</p>
              {teamInfo.roles.map((r) => (
                <label key={r.id}>
                  <input
                    type="checkbox"
                    value={r.id}
                    checked={seats.includes(r.id)}
                    onChange={(e) =>
                      setSeats((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))
                    }
                  />
                  <span>{localize(r.name, lang)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit" className="primary" disabled={busy || !name.trim() || !team}>
            {t('joinRoom')}
          </button>
          {error ? (
            <p role="alert" className="refusal">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </main>
  );
}
