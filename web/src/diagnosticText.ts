// The web app's name for the engine's one translation of scenario diagnostics (the room server words
// its refusals of an own scenario with the same table).
export { diagnosticView, type DiagnosticView } from '@drill/engine';
