export {
  Table,
  type SavedTable,
  type TableJournal,
  type TableOutcome,
  type TableRefusal,
  type TableViewer,
  type TableView,
  type TableLane,
  type DefaultClosing,
} from './table.ts';
export { TableCommandSchema, type TableCommand, type Actor } from './commands.ts';
export { CLOCK_COMMAND_TYPES, isClockCommand } from './clock.ts';
export {
  TableSetupSchema,
  setupProblems,
  teamParticipantId,
  type TableSetup,
  type TableSetupInput,
  type TableMode,
} from './setup.ts';
export {
  refusalWords,
  engineRefusalWords,
  ENGINE_REFUSAL_CODES,
  TABLE_REFUSAL_CODES,
  type TableRefusalCode,
} from './refusals.ts';
