/** @drill/server — the classroom room server (see docs/CLASSROOM.md). The protocol is in ./protocol.ts. */
export * from './protocol.ts';
