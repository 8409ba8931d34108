import type { LintContext } from './context.ts';
import { describe } from './explain.ts';

/** A follow-up-only inject or decision that nothing (reachable) triggers: one rule for both kinds. */
function unreachableFollowUp(k: LintContext, kind: 'inject' | 'decision', id: string): void {
  const w =
    kind === 'inject'
      ? {
          list: 'injects' as const,
          happen: 'happen',
          at: '`at`',
          when: '`when`',
          does: 'delivers',
          doing: 'deliver',
        }
      : {
          list: 'decisions' as const,
          happen: 'open',
          at: '`opens`',
          when: '`opensWhen`',
          does: 'opens',
          doing: 'open',
        };
  const by = k.triggers(kind, id);
  const head = `${kind} \`${id}\` can never ${w.happen}`;
  if (by.length === 0)
    k.warn(
      w.list,
      id,
      [],
      `unreachable-${kind}`,
      `${head}: it has no ${w.at} or ${w.when}, and no option's \`then\` ${w.does} it`,
      `give it a time ${w.at}, a condition ${w.when}, or name it in an option’s \`then\``,
    );
  else
    k.warn(
      w.list,
      id,
      [],
      `unreachable-${kind}`,
      `${head}: only options that can never be chosen ${w.doing} it (${by.join(', ')})`,
    );
}

export function injectRules(k: LintContext): void {
  for (const i of k.s.injects) {
    const t = k.injectTime(i);
    if (!k.reachI.has(i.id)) {
      if (i.followUpOnly) {
        unreachableFollowUp(k, 'inject', i.id);
      } else if (i.when && !k.can(i.when, t).canTrue) {
        const d = describe(k, i.when, false, t);
        k.warn(
          'injects',
          i.id,
          ['when'],
          'unreachable-inject',
          `inject \`${i.id}\` can never happen: ${d.text}`,
          undefined,
          d.offset,
        );
      } else if (i.unless) {
        const d = describe(k, i.unless, true, t);
        k.warn(
          'injects',
          i.id,
          ['unless'],
          'unreachable-inject',
          `contingency \`${i.id}\` can never fire: its \`unless\` ${d.text}`,
          undefined,
          d.offset,
        );
      }
      continue;
    }
    if (i.when && k.can(i.when, t).canTrue)
      k.condition('injects', i.id, ['when'], i.when, {
        t,
        ifTrue:
          i.at !== undefined
            ? 'drop the `when`: the inject fires at its time anyway'
            : 'give it a time `at` instead',
      });
    if (i.unless)
      k.condition('injects', i.id, ['unless'], i.unless, {
        t,
        ifFalse: 'this contingency always fires: drop `unless`, or check what the expected action sets',
      });
  }
}

export function decisionRules(k: LintContext): void {
  for (const d of k.s.decisions) {
    if (!k.reachD.has(d.id)) {
      if (d.followUpOnly) {
        unreachableFollowUp(k, 'decision', d.id);
      } else if (d.opensWhen) {
        const x = describe(k, d.opensWhen, false);
        k.warn(
          'decisions',
          d.id,
          ['opensWhen'],
          'unreachable-decision',
          `decision \`${d.id}\` can never open: ${x.text}`,
          undefined,
          x.offset,
        );
      }
      continue;
    }
    if (d.opensWhen)
      k.condition('decisions', d.id, ['opensWhen'], d.opensWhen, {
        ifTrue: 'it opens at the start: use `opens` instead',
      });
    d.options.forEach((o, i) => {
      if (!o.when) return;
      if (!k.offered.has(`${d.id}\0${o.id}`)) {
        const x = describe(k, o.when, false);
        k.warn(
          'decisions',
          d.id,
          ['options', i, 'when'],
          'option-never-offered',
          `option \`${o.id}\` of \`${d.id}\` can never be offered: ${x.text}`,
          undefined,
          x.offset,
        );
      } else
        k.condition('decisions', d.id, ['options', i, 'when'], o.when, {
          ifTrue: 'drop the `when`: the option is always offered',
        });
    });
  }
}
