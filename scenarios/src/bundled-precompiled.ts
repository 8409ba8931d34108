/**
 * The web build's precompiled shipped scenarios (entries of precompiled-core.ts), loaded by bundled.ts
 * as a chunk of its own. `vite build` replaces this module's text with the entries it compiles
 * (web/vite.config.ts); from the sources (the dev server, vitest) there are none, and the page compiles
 * the YAML.
 */
const entries: unknown = [];
export default entries;
