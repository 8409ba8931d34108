/**
 * The room server on its own: `node --import tsx server/src/main.ts [--port N] [--host A] [--web DIR]`.
 * Prints one JSON line `{"url", "hostToken"}` when listening (tests and the bench read it); stops on
 * SIGINT/SIGTERM. `drill serve` is the command people use; this entry is for tests and tools.
 */
import { parseArgs } from 'node:util';
import { startRoomServer } from './app.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string' },
    web: { type: 'string' },
    data: { type: 'string' },
    'no-join-limit': { type: 'boolean' },
  },
});
const s = await startRoomServer({
  port: Number(values.port),
  ...(values.host ? { host: values.host } : {}),
  ...(values.web ? { webDir: values.web } : {}),
  ...(values.data ? { dataDir: values.data } : {}),
  ...(values['no-join-limit'] ? { joinRate: false as const } : {}),
});
process.stdout.write(`${JSON.stringify({ url: s.url, hostToken: s.hostToken, unresumed: s.unresumed })}\n`);
const stop = (): void => {
  void s.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
