import type { Capability, MissionArea } from './model.ts';

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

const ALL: MissionArea[] = ['prevention', 'protection', 'mitigation', 'response', 'recovery'];
const cap = (id: string, en: string, zh: string, missionAreas: MissionArea[]): Capability => ({
  id,
  name: { en, 'zh-CN': zh },
  missionAreas,
});

/**
 * FEMA's 32 core capabilities (National Preparedness Goal, 2nd edition, 2015), by mission area, with
 * the English names as published (shared reference §11.1). The Chinese names are editorial renderings,
 * not official translations; a scenario may rename any capability or hide those it does not exercise.
 */
export const HSEEP_CAPABILITIES: readonly Capability[] = [
  // Cross-cutting: all five mission areas.
  cap('planning', 'Planning', '规划', ALL),
  cap('public_information_warning', 'Public Information and Warning', '公共信息与预警', ALL),
  cap('operational_coordination', 'Operational Coordination', '行动协调', ALL),
  // Prevention and Protection.
  cap('intelligence_sharing', 'Intelligence and Information Sharing', '情报与信息共享', [
    'prevention',
    'protection',
  ]),
  cap('interdiction_disruption', 'Interdiction and Disruption', '拦截与阻断', ['prevention', 'protection']),
  cap('screening_search_detection', 'Screening, Search, and Detection', '筛查、搜查与探测', [
    'prevention',
    'protection',
  ]),
  // Prevention.
  cap('forensics_attribution', 'Forensics and Attribution', '取证与溯源', ['prevention']),
  // Protection.
  cap('access_control', 'Access Control and Identity Verification', '出入控制与身份核验', ['protection']),
  cap('cybersecurity', 'Cybersecurity', '网络安全', ['protection']),
  cap('physical_protective_measures', 'Physical Protective Measures', '实体防护措施', ['protection']),
  cap(
    'risk_management_protection',
    'Risk Management for Protection Programs and Activities',
    '保护项目与活动的风险管理',
    ['protection'],
  ),
  cap('supply_chain_integrity', 'Supply Chain Integrity and Security', '供应链完整性与安全', ['protection']),
  // Mitigation.
  cap('community_resilience', 'Community Resilience', '社区韧性', ['mitigation']),
  cap('vulnerability_reduction', 'Long-term Vulnerability Reduction', '长期脆弱性降低', ['mitigation']),
  cap('resilience_assessment', 'Risk and Disaster Resilience Assessment', '风险与灾害韧性评估', [
    'mitigation',
  ]),
  cap('threats_hazards_identification', 'Threats and Hazards Identification', '威胁与危险识别', [
    'mitigation',
  ]),
  // Response and Recovery.
  cap('infrastructure_systems', 'Infrastructure Systems', '基础设施系统', ['response', 'recovery']),
  // Response.
  cap('critical_transportation', 'Critical Transportation', '关键交通运输', ['response']),
  cap('environmental_response', 'Environmental Response/Health and Safety', '环境应对/健康与安全', [
    'response',
  ]),
  cap('fatality_management', 'Fatality Management Services', '遇难者处置服务', ['response']),
  cap('fire_management', 'Fire Management and Suppression', '火灾管理与扑救', ['response']),
  cap('logistics_supply_chain', 'Logistics and Supply Chain Management', '后勤与供应链管理', ['response']),
  cap('mass_care_services', 'Mass Care Services', '群众安置服务', ['response']),
  cap('mass_search_rescue', 'Mass Search and Rescue Operations', '大规模搜救行动', ['response']),
  cap('on_scene_security', 'On-scene Security, Protection, and Law Enforcement', '现场安保、防护与执法', [
    'response',
  ]),
  cap('operational_communications', 'Operational Communications', '行动通信', ['response']),
  cap(
    'public_health_medical',
    'Public Health, Healthcare, and Emergency Medical Services',
    '公共卫生、医疗卫生与紧急医疗服务',
    ['response'],
  ),
  cap('situational_assessment', 'Situational Assessment', '态势评估', ['response']),
  // Recovery.
  cap('economic_recovery', 'Economic Recovery', '经济恢复', ['recovery']),
  cap('health_social_services', 'Health and Social Services', '卫生与社会服务', ['recovery']),
  cap('housing', 'Housing', '住房', ['recovery']),
  cap('natural_cultural_resources', 'Natural and Cultural Resources', '自然与文化资源', ['recovery']),
];

/** The rubrics a scenario may choose with `rubric:`. */
export const RUBRICS = { default: DEFAULT_CAPABILITIES, hseep: HSEEP_CAPABILITIES } as const;
export type RubricId = keyof typeof RUBRICS;

/** The rubric's own capability with this id (as published, before any renaming), if it has one. */
export function rubricCapability(rubric: RubricId, id: string): Capability | undefined {
  return RUBRICS[rubric].find((c) => c.id === id);
}
