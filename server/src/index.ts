/** @drill/server — the classroom room server (see docs/CLASSROOM.md). The browser imports ./protocol only. */
export * from './protocol.ts';
export { startRoomServer, allowedHosts, type RoomServer, type RoomServerOptions } from './app.ts';
export { lanAddress, terminalQr } from './lan.ts';
export { HomeLockedError, HomeUnwritableError, homeLockedText, homeUnwritableText } from './home.ts';
export { RoomClient, type RoomClientOptions } from './client.ts';
