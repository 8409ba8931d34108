import { z } from 'zod';
import { ScenarioPartSchema, ScenarioSchema } from './schema.ts';

/** The list sections of a scenario; each item is validated on its own so one bad item hides no other problem. */
export const LIST_KEYS = [
  'references',
  'capabilities',
  'objectives',
  'roles',
  'variables',
  'variations',
  'dynamics',
  'modules',
  'injects',
  'decisions',
  'endings',
  'outcomes',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

type Shape = typeof ScenarioSchema.shape;
type ItemOf<K extends ListKey> =
  Shape[K] extends z.ZodDefault<z.ZodArray<infer I>> ? I : Shape[K] extends z.ZodArray<infer I> ? I : never;

export function itemSchema<K extends ListKey>(key: K): ItemOf<K> {
  let s = ScenarioSchema.shape[key] as unknown as z.ZodType;
  if (s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return (s as z.ZodArray<z.ZodType>).element as unknown as ItemOf<K>;
}

const listsAsUnknown = Object.fromEntries(LIST_KEYS.map((k) => [k, z.array(z.unknown()).default([])])) as {
  [K in ListKey]: z.ZodDefault<z.ZodArray<z.ZodUnknown>>;
};

/** The scenario's fields with every list left unchecked (they are checked item by item). */
export const HeaderSchema = ScenarioSchema.extend(listsAsUnknown);
export const PartHeaderSchema = ScenarioPartSchema.extend(listsAsUnknown);

/** The keys an object schema allows at a path, for "did you mean" on unknown keys. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (const p of [...path, undefined]) {
    // unwrap wrappers
    for (let guard = 0; s && guard < 10; guard++) {
      const def = (s as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
      if ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable') && def.innerType)
        s = def.innerType;
      // A union (a text: string or { en, zh-CN }) has keys through its mapping branch.
      else if (def.type === 'union')
        s = (def as unknown as { options: z.ZodType[] }).options.find(
          (o) => (o as unknown as { def: { type: string } }).def.type === 'object',
        );
      else break;
    }
    if (!s) return [];
    if (p === undefined) break;
    const def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } = (
      s as unknown as { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } }
    ).def;
    if (def.type === 'object' && typeof p === 'string') s = def.shape?.[p];
    else if (def.type === 'array' && typeof p === 'number') s = def.element;
    else return [];
  }
  const def = (s as unknown as { def: { type: string; shape?: Record<string, unknown> } } | undefined)?.def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
