import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoplay, compileScenario, replay, type Scenario } from '@drill/engine';
import { DISCUSSION_PATH } from '../../engine/test/discussion-fixture.ts';
import { buildAar } from './aar.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';

/** The discussion fixture with `q_table` tagged with a renamed capability that nothing scores. */
function tagged(): Scenario {
  const text = readFileSync(DISCUSSION_PATH, 'utf8')
    .replace(
      'roles:\n  - { id: commander',
      'capabilities:\n  - { id: mass_care, rename: { en: Shelter and relief, zh-CN: 安置与救助 } }\nroles:\n  - { id: commander',
    )
    .replace('    due: T-71h\n', '    due: T-71h\n    capabilities: [mass_care]\n');
  const r = compileScenario({ path: 'tagged.yaml', text });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
}

describe('a discussion’s capability tags in the AAR', () => {
  const s = tagged();
  const t = autoplay(s, {
    seed: 'tags',
    policy: 'first',
    startedAt: '2026-05-20T01:30:00.000Z',
  }).transcript();
  const r = replay(s, t, { keepStates: true });
  if (!r.ok) throw new Error(r.reason);
  const aar = buildAar(s, t, r);

  it('names a tag that no decision scores by its (renamed) name, in both languages, never by its id', () => {
    // Nothing scores mass_care, so it has no capability section: the name comes from the tags.
    expect(aar.capabilities.map((c) => c.id)).not.toContain('mass_care');
    expect(aar.tags.map((c) => c.id)).toEqual(['command_coordination', 'mass_care']);
    const en = renderMarkdown(aar, 'en');
    const zh = renderMarkdown(aar, 'zh-CN');
    expect(en).toContain('Shelter and relief');
    expect(zh).toContain('安置与救助');
    expect(renderHtml(aar, 'zh-CN')).toContain('安置与救助');
    for (const text of [en, zh, renderHtml(aar, 'en')]) expect(text).not.toContain('mass_care');
  });
});
