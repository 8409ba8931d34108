/**
 * @drill/cli — the `drill` command's building blocks that other packages and the cross-package tests
 * use: the headless player, the report and schema texts, lint, the coverage runner, the scenario views
 * (MSEL, graph) and the static server for the web app. The command line itself is `main.ts`; the terminal
 * app (`tui/`) is reached only through it.
 */
export { parseAnswers, type Answers } from './answers.ts';
export { playHeadless } from './commands/run.ts';
export { renderReport, type ReportFormat, type ReportKind } from './commands/report.ts';
export { schemaText } from './commands/schema.ts';
export { lintFile, lintExitCode, type LintFileResult } from './commands/lint.ts';
export { coverageExitCode } from './commands/test.ts';
export { examinePaths, collectFiles } from './commands/cohort.ts';
export { naiveRunsFor, runCoverage, type CoverageOptions } from './coverage/run-coverage.ts';
export { renderCoverage, progressBar } from './coverage/render.ts';
export type { CoverageReport } from './coverage/aggregate.ts';
export { mselRows, mselCsv, mselMarkdown, csvField, type MselRow } from './views/msel.ts';
export { scenarioGraph, graphMermaid, graphDot, type Graph } from './views/graph.ts';
export { repoRoot, needsBuild, buildWeb, startServer } from './commands/serve.ts';
