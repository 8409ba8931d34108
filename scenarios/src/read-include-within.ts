import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { SCENARIO_LIMITS, type ReadInclude } from '@drill/engine';

/** The most bytes an included file may have: the compiler's character limit, in UTF-8 at worst. */
const MAX_INCLUDE_BYTES = SCENARIO_LIMITS.fileChars * 4;

/**
 * How the loader reads `include`: only regular files inside the folder tree of the scenario that names
 * them (after resolving symbolic links), and no larger than a scenario file may be. Anything else —
 * `/etc/passwd`, `../secrets.yaml`, `/dev/zero`, a folder — is refused with a reason, unread.
 */
export function readIncludeWithin(): ReadInclude {
  return (from, inc) => {
    const shown = isAbsolute(inc) ? inc : resolve(dirname(from), inc);
    let root: string;
    let target: string;
    try {
      root = dirname(realpathSync(from));
      target = realpathSync(shown);
    } catch {
      return undefined;
    }
    const rel = relative(root, target);
    if (rel.startsWith('..') || isAbsolute(rel)) return { refused: 'it is outside this scenario’s folder' };
    let fd: number | undefined;
    try {
      fd = openSync(target, 'r');
      const st = fstatSync(fd);
      if (!st.isFile()) return { refused: 'it is not a regular file' };
      if (st.size > MAX_INCLUDE_BYTES) return { refused: `it is larger than ${MAX_INCLUDE_BYTES} bytes` };
      // Read at most the limit plus one byte, whatever the file claims: it may grow while we read.
      const buf = Buffer.alloc(Math.min(st.size, MAX_INCLUDE_BYTES) + 1);
      let n = 0;
      for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
      if (n > MAX_INCLUDE_BYTES) return { refused: `it is larger than ${MAX_INCLUDE_BYTES} bytes` };
      return { path: shown, text: buf.subarray(0, n).toString('utf8') };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}
