import { networkInterfaces } from 'node:os';

/** This machine's first non-internal IPv4 address (what phones on the same network can reach), if any. */
export function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

/** A QR code of `text` drawn with block characters, for the terminal `drill serve --lan` prints to. */
export async function terminalQr(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'terminal', small: true });
}
