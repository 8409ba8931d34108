import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Ed25519 signatures over a finished transcript's result. The hash chain only shows that a transcript
 * was not edited after it was written; anyone can recompute it. A signature shows that whoever holds
 * the secret key (the trainer, the room server) wrote this result. It covers the result's hash, which
 * covers the score, the final state and — through `prev` — every entry and the header.
 *
 * Pure: keys are bytes the shell reads from its key file; the engine never touches disk or randomness.
 */

export interface ResultSignature {
  alg: 'ed25519';
  /** 32-byte public key, hex. */
  publicKey: string;
  /** 64-byte signature, hex. */
  sig: string;
}

/** What is signed: a fixed label (so the signature cannot be passed off for other data) and the hash. */
function message(resultHash: string): Uint8Array {
  return utf8ToBytes(`drill-transcript result ${resultHash}`);
}

/** The public key (hex) of a 32-byte secret key. */
export function publicKeyOf(secretKey: Uint8Array): string {
  return bytesToHex(ed25519.getPublicKey(secretKey));
}

export function signResultHash(resultHash: string, secretKey: Uint8Array): ResultSignature {
  return {
    alg: 'ed25519',
    publicKey: publicKeyOf(secretKey),
    sig: bytesToHex(ed25519.sign(message(resultHash), secretKey)),
  };
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'valid'; publicKey: string; trusted: boolean }
  | { status: 'invalid'; reason: string };

/**
 * Checks a result's signature. With `trustedKey` (hex) the signature must be by that key: a forger can
 * sign with a key of their own, so only a key the checker already trusts proves who wrote it.
 */
export function checkSignature(
  resultHash: string,
  signature: ResultSignature | undefined,
  trustedKey?: string,
): SignatureCheck {
  if (!signature) {
    if (trustedKey !== undefined)
      return {
        status: 'invalid',
        reason: 'the transcript is unsigned, but a signature by the key was required',
      };
    return { status: 'unsigned' };
  }
  let ok = false;
  try {
    ok = ed25519.verify(hexToBytes(signature.sig), message(resultHash), hexToBytes(signature.publicKey));
  } catch {
    ok = false; // malformed key or signature bytes: a bad signature like any other
  }
  if (!ok) return { status: 'invalid', reason: 'the signature does not match the result (forged or edited)' };
  if (trustedKey !== undefined && trustedKey.toLowerCase() !== signature.publicKey)
    return {
      status: 'invalid',
      reason: `signed by key ${signature.publicKey.slice(0, 16)}…, not by the trusted key ${trustedKey.slice(0, 16)}…`,
    };
  return { status: 'valid', publicKey: signature.publicKey, trusted: trustedKey !== undefined };
}

/** A hex public key as typed or stored (64 hex digits), or undefined. */
export function parsePublicKey(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(t) ? t : undefined;
}
