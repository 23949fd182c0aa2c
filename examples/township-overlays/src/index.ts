import type { Overlay } from '@shuoshi/engine';
import { chaluTruckersCorner } from './chalu-truckers-corner.js';
import { huchenHelpFarmers } from './huchen-help-farmers.js';

export { chaluTruckersCorner } from './chalu-truckers-corner.js';
export { huchenHelpFarmers } from './huchen-help-farmers.js';

/**
 * The two Ninghai township overlays on `union-grievance` v1 from the source page.
 * @example
 * for (const overlay of TOWNSHIP_OVERLAYS) {
 *   const result = extendWorkflow(unionGrievance, overlay);
 *   if (result.ok) engine.register(result.workflow);
 * }
 */
export const TOWNSHIP_OVERLAYS: readonly Overlay[] = Object.freeze([huchenHelpFarmers, chaluTruckersCorner]);
