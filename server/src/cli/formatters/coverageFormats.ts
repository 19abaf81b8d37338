// The output formats of `irplan coverage --format`.
import { renderCoverageSvg } from '../../engine';
import type { CoverageFormatter } from './coverageReport';
import { coverageMarkdown } from './coverageMarkdown';
import { coverageTable } from './coverageText';

const coverageJson: CoverageFormatter = ({ view }) => `${JSON.stringify(view, null, 2)}\n`;

/** The heat map, for a README or a CI artefact: light, or dark where the reader prefers it. */
const coverageSvg: CoverageFormatter = ({ report, label }) => renderCoverageSvg(report, { planLabel: label, style: 'standalone' });

export const COVERAGE_FORMATTERS = { table: coverageTable, json: coverageJson, markdown: coverageMarkdown, svg: coverageSvg } satisfies Record<string, CoverageFormatter>;
export type CoverageFormatName = keyof typeof COVERAGE_FORMATTERS;
export const COVERAGE_FORMAT_NAMES = Object.keys(COVERAGE_FORMATTERS) as CoverageFormatName[];
