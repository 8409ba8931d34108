/**
 * The worker-thread entry of `drill cohort`. From the TypeScript sources it is cohort-worker.mjs, which
 * registers tsx and runs cohort-worker.ts; cli/build.mjs gives the bundle this same text outside the
 * sources, so there `import.meta.url` is the bundle's folder and the worker is the bundled
 * cohort-worker.mjs (no TypeScript compiled in each thread: about a second of CPU apiece).
 */
export function cohortWorkerUrl(): URL {
  return new URL('./cohort-worker.mjs', import.meta.url);
}
