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
