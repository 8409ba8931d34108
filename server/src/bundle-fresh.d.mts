/** The folders the `drill` command's bundle (cli/dist) is built from. */
export declare const CLI_SOURCES: string[];
/** The name of the `drill` bundle's manifest in cli/dist (see `builtFrom`). */
export declare const CLI_MANIFEST: string;
/** server/dist, where server/build.mjs writes the bundle. */
export declare const SERVER_DIST: string;
/**
 * The bundled file `name` (e.g. main.mjs) when `dist` (default server/dist) is built from the current
 * sources, else undefined (also when DRILL_FROM_SOURCE is set).
 */
export declare function freshBundle(name: string, dist?: string): string | undefined;
/** The last change under `dir` (ms): the later of mtime and ctime of any file or folder in it, node_modules and dist aside. */
export declare function lastChange(dir: string): number;
/** True when `dist` (default server/dist) is missing, damaged, or older than a file it was built from. */
export declare function bundleStale(dist?: string): boolean;
/** Every file under `dirs` of `root` (node_modules, dist aside) and `extra`, as "size:mtimeMs" by relative path. */
export declare function snapshot(root: string, dirs: string[], extra?: string[]): Record<string, string>;
/** Writes a bundle's manifest: the folders it was built from and their files as `snap` saw them. */
export declare function writeManifest(
  file: string,
  dirs: string[],
  snap: Record<string, string>,
  extra?: string[],
): void;
/** Whether the sources are exactly those the manifest `file` recorded; undefined when it is not a manifest. */
export declare function builtFrom(file: string, root: string): boolean | undefined;
