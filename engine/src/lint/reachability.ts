import type { LintContext } from './context.ts';

/** Least fixpoint: start with nothing reachable and add what the current knowledge allows. */
export function reachability(k: LintContext): void {
  const s = k.s;
  for (let changed = true, guard = 0; changed && guard < 1000; guard++) {
    changed = false;
    const triggeredD = new Set<string>();
    const triggeredI = new Set<string>();
    for (const d of s.decisions) {
      if (!k.reachD.has(d.id)) continue;
      for (const o of d.options) {
        const offer = k.can(o.when).canTrue;
        if (offer && !k.offered.has(`${d.id}\0${o.id}`)) {
          k.offered.add(`${d.id}\0${o.id}`);
          changed = true;
        }
        // A default is applied when nobody decides, offered or not.
        if (offer || (d.kind !== 'allocate' && d.default.includes(o.id)))
          for (const f of o.then) {
            if (f.decision) triggeredD.add(f.decision);
            if (f.inject) triggeredI.add(f.inject);
          }
      }
    }
    for (const d of s.decisions) {
      if (k.reachD.has(d.id)) continue;
      const ok = d.followUpOnly ? triggeredD.has(d.id) : d.opens !== undefined || k.can(d.opensWhen).canTrue;
      if (ok) {
        k.reachD.add(d.id);
        changed = true;
      }
    }
    for (const i of s.injects) {
      if (k.reachI.has(i.id)) continue;
      const t = k.injectTime(i);
      const ok =
        triggeredI.has(i.id) ||
        (!i.followUpOnly && k.can(i.when, t).canTrue && (!i.unless || k.can(i.unless, t).canFalse));
      if (ok) {
        k.reachI.add(i.id);
        changed = true;
      }
    }
  }
}
