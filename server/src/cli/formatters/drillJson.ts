// `irplan drill --format json`: {"drills": [...]}, the shape of spec section 11.
import type { DrillFormatter } from './drillReport';

export const drillJson: DrillFormatter = (run) => `${JSON.stringify({ drills: run.drills }, null, 2)}\n`;
