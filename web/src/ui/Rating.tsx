import type { ProposedRating } from '@drill/engine';

const NAMES: Record<string, string> = {
  P: 'Performed',
  S: 'Some challenges',
  M: 'Major challenges',
  U: 'Unable',
};

/** A P/S/M/U badge; colour is never the only cue (the letter is always shown). */
export function RatingBadge({ rating, overridden }: { rating: ProposedRating; overridden?: boolean }) {
  if (rating === 'not-rated')
    return (
      <span className="rating rating-none" title="not rated">
        —
      </span>
    );
  return (
    <span className={`rating rating-${rating}`} title={NAMES[rating]}>
      {rating}
      {overridden ? <sup aria-label="overridden">*</sup> : null}
    </span>
  );
}
