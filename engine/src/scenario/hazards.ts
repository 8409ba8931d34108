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

/** Each hazard's name, as a heading would show it. */
export const HAZARD_NAMES: Record<Hazard, { en: string; 'zh-CN': string }> = {
  typhoon: { en: 'Typhoon', 'zh-CN': '台风' },
  hurricane: { en: 'Hurricane', 'zh-CN': '飓风' },
  'tropical-storm': { en: 'Tropical storm', 'zh-CN': '热带风暴' },
  'storm-surge': { en: 'Storm surge', 'zh-CN': '风暴潮' },
  flood: { en: 'Flood', 'zh-CN': '洪水' },
  rainstorm: { en: 'Rainstorm', 'zh-CN': '暴雨' },
  drought: { en: 'Drought', 'zh-CN': '干旱' },
  heatwave: { en: 'Heatwave', 'zh-CN': '高温热浪' },
  wildfire: { en: 'Wildfire', 'zh-CN': '森林草原火灾' },
  earthquake: { en: 'Earthquake', 'zh-CN': '地震' },
  landslide: { en: 'Landslide', 'zh-CN': '滑坡' },
  'hazardous-materials': { en: 'Hazardous materials', 'zh-CN': '危险化学品' },
  'public-health': { en: 'Public-health emergency', 'zh-CN': '突发公共卫生事件' },
  other: { en: 'Other', 'zh-CN': '其他' },
};

/** What reports call the scenario's hazard: its own label if it has one, else the hazard's name. */
export function hazardText(s: { hazard: Hazard; hazardLabel?: LocalizedText }): LocalizedText {
  return s.hazardLabel ?? HAZARD_NAMES[s.hazard];
}
