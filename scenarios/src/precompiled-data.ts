/**
 * Where the shipped scenarios compiled when the CLI bundle was built are: cli/build.mjs replaces this
 * module's text with a reader of the file it writes beside the bundle (read only by a command that
 * loads a scenario). From the TypeScript sources there are none, and each scenario is compiled from its YAML.
 */
export function precompiledEntries(): unknown {
  return [];
}
