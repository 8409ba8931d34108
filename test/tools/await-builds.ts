// Setup file of the projects whose files use what the global set-ups build in the background (see
// background-build.ts): each file waits, before its tests, until the web app and the server bundle are
// in place. In a whole run they are long finished when these projects start; run alone, a file waits
// for them as it used to wait for the global set-up.
import { awaitBuilds } from './background-build.ts';

await awaitBuilds();
