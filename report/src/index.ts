/**
 * @drill/report — the after-action report: data model (`buildAar`), summary and renderers (Markdown,
 * self-contained HTML, JSON). Pure like the engine it reads — the web app renders it too.
 */
export {
  buildAar,
  ratingRank,
  AAR_FORMAT,
  type Aar,
  type AarCapability,
  type AarChoice,
  type AarDecision,
  type AarObjective,
  type AarOutcome,
  type AarPlanItem,
  type AarSubject,
  type AarTimelineItem,
  type AarVerification,
  type AarAnswer,
  type AarDiscussion,
  type AarModule,
  type AarObservation,
} from './aar.ts';
export {
  answerColumns,
  discussionGroups,
  moduleAtTime,
  moduleHeading,
  observationLine,
  type AnswerColumn,
  type DiscussionGroup,
} from './discussion.ts';
export { aarFromTranscript, type AarFromTranscript } from './from-transcript.ts';
export { summarize, summaryText } from './summary.ts';
export { scoreSeries, type SeriesPoint } from './series.ts';
export { renderMarkdown } from './markdown.ts';
export { promptsThen } from './prompts-then.ts';
export { renderHtml } from './html.ts';
export { escapeHtml, escapeMd } from './escape.ts';
export { STRINGS, stringsFor, type ReportStrings } from './strings.ts';
export {
  capabilityName,
  choiceText,
  evidenceHead,
  roleNames,
  timelinessText,
  dateText,
  bannerLines,
  scoreLabel,
} from './describe.ts';
export { timeLabel } from './words.ts';
export {
  buildDebrief,
  DEBRIEF_FORMAT,
  type Debrief,
  type DebriefMoment,
  type DebriefRating,
} from './debrief.ts';
export { renderDebriefMarkdown } from './debrief-markdown.ts';
export { renderDebriefHtml } from './debrief-html.ts';
export {
  TERMS,
  TIMELINESS,
  RATING_NAMES,
  RESPONSE_LEVELS,
  WARNING_LEVELS,
  CLOSING_PUNCTUATION,
  term,
  timelinessTerm,
  ratingName,
  durationText,
  timeLeftText,
  lateByText,
  secondsText,
  scenarioTimeText,
  referenceTitle,
  nameShown,
  EXPRESSION_WORDS,
  fillWords,
  type Term,
  type TermKey,
  type TimelinessTerm,
} from './glossary.ts';
export { verifyReasonText } from './verify-words.ts';
