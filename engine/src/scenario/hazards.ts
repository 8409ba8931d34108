import type { LocalizedText } from '../text.ts';

/**
 * The hazards a scenario may name. A report calls the hazard by its name here unless the scenario
 * gives its own `hazardLabel` (e.g. "Hurricane Delia (Category 3)").
 */
export const HAZARDS = [
  'typhoon',
  'hurricane',
  'tropical-storm',
  'storm-surge',
  'flood',
  'rainstorm',
  'drought',
  'heatwave',
  'wildfire',
  'earthquake',
  'landslide',
  'hazardous-materials',
  'public-health',
  'other',
] as const;
export type Hazard = (typeof HAZARDS)[number];

/** A hazard's words in both languages. */
export interface HazardTerms {
  /** Its name, as a heading would show it. */
  name: { en: string; 'zh-CN': string };
  /** The emergency plan that governs the response to it (a hot-wash question asks what to change in it). */
  plan: { en: string; 'zh-CN': string };
  /** When the next season of it comes, as an improvement's due date; none for a hazard without one. */
  season?: { en: string; 'zh-CN': string };
}

/** Everything the reports say about a hazard, in one table so a new hazard is added in one place. */
export const HAZARD_TERMS: Record<Hazard, HazardTerms> = {
  typhoon: {
    name: { en: 'Typhoon', 'zh-CN': '台风' },
    plan: { en: 'typhoon emergency plan', 'zh-CN': '防台风应急预案' },
    season: { en: 'before the next typhoon season', 'zh-CN': '下一个台风季前' },
  },
  hurricane: {
    name: { en: 'Hurricane', 'zh-CN': '飓风' },
    plan: { en: 'hurricane plan', 'zh-CN': '飓风应急预案' },
    season: { en: 'before the next hurricane season', 'zh-CN': '下一个飓风季前' },
  },
  'tropical-storm': {
    name: { en: 'Tropical storm', 'zh-CN': '热带风暴' },
    plan: { en: 'typhoon emergency plan', 'zh-CN': '防台风应急预案' },
    season: { en: 'before the next typhoon season', 'zh-CN': '下一个台风季前' },
  },
  'storm-surge': {
    name: { en: 'Storm surge', 'zh-CN': '风暴潮' },
    plan: { en: 'storm-surge emergency plan', 'zh-CN': '风暴潮灾害应急预案' },
    season: { en: 'before the next typhoon season', 'zh-CN': '下一个台风季前' },
  },
  flood: {
    name: { en: 'Flood', 'zh-CN': '洪水' },
    plan: { en: 'flood-control plan', 'zh-CN': '防汛应急预案' },
    season: { en: 'before the next flood season', 'zh-CN': '下一个汛期前' },
  },
  rainstorm: {
    name: { en: 'Rainstorm', 'zh-CN': '暴雨' },
    plan: { en: 'flood-control plan', 'zh-CN': '防汛应急预案' },
    season: { en: 'before the next flood season', 'zh-CN': '下一个汛期前' },
  },
  drought: {
    name: { en: 'Drought', 'zh-CN': '干旱' },
    plan: { en: 'drought-relief plan', 'zh-CN': '抗旱应急预案' },
    season: { en: 'before the next dry season', 'zh-CN': '下一个旱季前' },
  },
  heatwave: {
    name: { en: 'Heatwave', 'zh-CN': '高温热浪' },
    plan: { en: 'heat emergency plan', 'zh-CN': '高温热浪应急预案' },
    season: { en: 'before next summer', 'zh-CN': '下一个夏季前' },
  },
  wildfire: {
    name: { en: 'Wildfire', 'zh-CN': '森林草原火灾' },
    plan: { en: 'forest and grassland fire plan', 'zh-CN': '森林草原火灾应急预案' },
    season: { en: 'before the next fire-prevention period', 'zh-CN': '下一个防火期前' },
  },
  earthquake: {
    name: { en: 'Earthquake', 'zh-CN': '地震' },
    plan: { en: 'earthquake emergency plan', 'zh-CN': '地震应急预案' },
  },
  landslide: {
    name: { en: 'Landslide', 'zh-CN': '滑坡' },
    plan: { en: 'geological-hazard emergency plan', 'zh-CN': '地质灾害应急预案' },
    season: { en: 'before the next flood season', 'zh-CN': '下一个汛期前' },
  },
  'hazardous-materials': {
    name: { en: 'Hazardous materials', 'zh-CN': '危险化学品' },
    plan: { en: 'hazardous-chemicals accident plan', 'zh-CN': '危险化学品事故应急预案' },
  },
  'public-health': {
    name: { en: 'Public-health emergency', 'zh-CN': '突发公共卫生事件' },
    plan: { en: 'public-health emergency plan', 'zh-CN': '突发公共卫生事件应急预案' },
  },
  other: {
    name: { en: 'Other', 'zh-CN': '其他' },
    plan: { en: 'emergency plan', 'zh-CN': '应急预案' },
  },
};

/** Each hazard's name, as a heading would show it. */
export const HAZARD_NAMES = Object.fromEntries(HAZARDS.map((h) => [h, HAZARD_TERMS[h].name])) as Record<
  Hazard,
  HazardTerms['name']
>;

/** What reports call the scenario's hazard: its own label if it has one, else the hazard's name. */
export function hazardText(s: { hazard: Hazard; hazardLabel?: LocalizedText }): LocalizedText {
  return s.hazardLabel ?? HAZARD_TERMS[s.hazard].name;
}
