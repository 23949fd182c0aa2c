export { WorkflowDiagram, STATE_DRAG_TYPE, type WorkflowDiagramProps } from './workflow-diagram.js';
export { diagramTargetKey, parseDiagramTargetKey, type DiagramTarget } from './diagram-target.js';
export { WorkflowDesigner } from './workflow-designer.js';
export { ConditionBuilder } from './condition-builder.js';
export { FieldBuilder } from './field-builder.js';
export { deriveOverlay } from './derive-overlay.js';
export { validateDraft, type DesignerIssue } from './use-live-validation.js';
