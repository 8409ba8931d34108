/** server/dist, where server/build.mjs writes the bundle. */
export declare const SERVER_DIST: string;
/** The bundled file `name` (e.g. main.mjs) when server/dist is built from the current sources, else undefined. */
export declare function freshBundle(name: string): string | undefined;
/** True when server/dist is missing, damaged, or older than a file it was built from. */
export declare function bundleStale(): boolean;
