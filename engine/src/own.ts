/**
 * The value a record holds under a key of its own, never one inherited from Object.prototype. Ids are
 * lower-case words, so `constructor` is a valid id: `record[id]` would then read a function. Every
 * lookup keyed by a scenario's or a user's id goes through here.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
