import type { Workflow } from '../../definition/index.js';
import { goldenIdea } from './golden-idea.js';
import { labourMediation } from './labour-mediation.js';
import { legalAid } from './legal-aid.js';
import { unionGrievance } from './union-grievance.js';

export { goldenIdea } from './golden-idea.js';
export { labourMediation } from './labour-mediation.js';
export { legalAid } from './legal-aid.js';
export { unionGrievance } from './union-grievance.js';
export { unionGrievanceFields } from './union-grievance-fields.js';

/**
 * The templates every deployment ships, version 1 each: the county publishes them and townships
 * extend them with overlays.
 * @example
 * const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES] });
 */
export const BUILTIN_TEMPLATES: readonly Workflow[] = Object.freeze([unionGrievance, labourMediation, legalAid, goldenIdea]);
