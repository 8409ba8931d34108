import type { Capability } from './model.ts';

/**
 * The default capability rubric for typhoon, flood, rainstorm and earthquake drills at county level,
 * after HSEEP's core capabilities as mapped to Chinese practice (shared reference §7.2). A scenario may add its own.
 */
export const DEFAULT_CAPABILITIES: readonly Capability[] = [
  { id: 'monitoring_warning', name: { en: 'Monitoring & early warning', 'zh-CN': '监测预警' } },
  {
    id: 'warning_dissemination',
    name: { en: 'Warning dissemination & call-and-answer', 'zh-CN': '预警发布与叫应' },
  },
  {
    id: 'protective_actions',
    name: { en: 'Protective actions & evacuation', 'zh-CN': '防护行动与转移避险' },
  },
  {
    id: 'command_coordination',
    name: { en: 'Command, coordination & reporting', 'zh-CN': '指挥协调与信息报送' },
  },
  { id: 'resources_logistics', name: { en: 'Resources & logistics', 'zh-CN': '资源与后勤保障' } },
  {
    id: 'public_information',
    name: { en: 'Public information & rumour control', 'zh-CN': '信息发布与舆情应对' },
  },
  { id: 'mass_care', name: { en: 'Mass care & relief', 'zh-CN': '群众安置与生活救助' } },
  { id: 'social_mobilisation', name: { en: 'Social mobilisation', 'zh-CN': '社会动员' } },
  { id: 'recovery', name: { en: 'Recovery', 'zh-CN': '恢复重建' } },
];
