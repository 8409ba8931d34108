import seedrandom from 'seedrandom';

/** alea's whole state: four numbers, kept inside the engine state as plain JSON. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** The generator's state right after seeding with `seed`. */
export function seedRng(seed: string): RngState {
  return seedrandom.alea(seed, { state: true }).state() as RngState;
}

/** A generator that continues from a saved state; call `.state()` to save it again. */
export function resumeRng(state: RngState): seedrandom.PRNG & { state(): RngState } {
  return seedrandom.alea('', { state: { ...state } }) as seedrandom.PRNG & { state(): RngState };
}

/**
 * A uniform draw in [0, 1) that depends only on (seed, key): variation draws use it so that adding an
 * inject or a decision elsewhere in a scenario does not shift which way the storm turns.
 */
export function keyedDraw(seed: string, key: string): number {
  return seedrandom.alea(`${seed}\u0000${key}`)();
}

/**
 * `items` in an order drawn from (seed, key) alone (Fisher–Yates on a keyed generator): how a decision's
 * options are presented, stable for a seed and independent of everything else in the scenario.
 */
export function keyedShuffle<T>(seed: string, key: string, items: readonly T[]): T[] {
  const rnd = seedrandom.alea(`${seed}\u0000${key}`);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
