import { decodedOrRaw } from './routes.ts';

/**
 * The server's host token: `drill serve` prints the console link `/?view=room#host=<token>`. The token
 * rides in the fragment (never in a log or a Referer); the page keeps it in this browser and takes it
 * out of the address bar at once.
 */
const KEY = 'drill.room.host';

export function takeHostToken(): string | undefined {
  const m = /^#host=([^&]+)/.exec(window.location.hash);
  if (m) {
    // A link cut or altered in copying may not decode: the token is then what it says (the server
    // refuses a wrong one with its reason), not an exception out of the app's first render.
    const token = decodedOrRaw(m[1]!);
    try {
      localStorage.setItem(KEY, token);
    } catch {
      // Storage refused (a private window): the token still works for this page.
    }
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetHostToken(): void {
  localStorage.removeItem(KEY);
}
