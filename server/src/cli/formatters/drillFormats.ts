// The output formats of `irplan drill --format`.
import type { DrillFormatter } from './drillReport';
import { drillJson } from './drillJson';
import { drillMarkdown } from './drillMarkdown';
import { drillText } from './drillText';

export const DRILL_FORMATTERS = { text: drillText, json: drillJson, markdown: drillMarkdown } satisfies Record<string, DrillFormatter>;
export type DrillFormatName = keyof typeof DRILL_FORMATTERS;
export const DRILL_FORMAT_NAMES = Object.keys(DRILL_FORMATTERS) as DrillFormatName[];
