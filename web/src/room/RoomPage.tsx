import type { Lang } from '@drill/engine';
import { LangSelect } from '../LangSelect.tsx';
import { JoinPage } from './JoinPage.tsx';
import { SeatPage } from './SeatPage.tsx';
import { RoomProjector } from './RoomProjector.tsx';
import type { RoomRoute } from './routes.ts';
import './room.css';

/** A participant's or the projector's page: no console chrome, a language choice in reach. */
export function RoomPage({
  route,
  setLang,
}: {
  route: Exclude<RoomRoute, { kind: 'console' }>;
  setLang(l: Lang): void;
}) {
  const page = (): React.ReactNode => {
    switch (route.kind) {
      case 'join':
        return <JoinPage code={route.code} />;
      case 'seat':
        return <SeatPage room={route.room} />;
      case 'projector':
        return <RoomProjector token={route.token} />;
      default: {
        const never: never = route;
        return never;
      }
    }
  };
  return (
    <>
      {route.kind !== 'projector' ? (
        <div className="room-lang">
          <LangSelect setLang={setLang} />
        </div>
      ) : null}
      {page()}
    </>
  );
}
