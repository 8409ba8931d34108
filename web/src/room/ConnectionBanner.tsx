import { useT } from '../i18n.ts';
import type { SocketState } from './roomSocket.ts';

/** The link to the room, said plainly: a lost connection shows until it is back. */
export function ConnectionBanner({ state }: { state: SocketState }) {
  const { t } = useT();
  const text = (): string => {
    switch (state.kind) {
      case 'connecting':
        return t('conn_connecting');
      case 'open':
        return t('conn_open');
      case 'reconnecting':
        return t('conn_reconnecting', { n: state.attempt });
      case 'closed':
        // Why is the refusal shown beside the banner, in the page's language (not the close frame's word).
        return t('conn_closed');
      default: {
        const never: never = state;
        return never;
      }
    }
  };
  return (
    <p
      className={`conn conn-${state.kind}`}
      role="status"
      aria-live="polite"
      data-testid="conn"
      data-state={state.kind}
    >
      {text()}
    </p>
  );
}
