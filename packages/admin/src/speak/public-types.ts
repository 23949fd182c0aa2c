import type { LocalizedText } from '../api/types.js';

/**
 * One input of a workflow's public form (GET /api/public/unions): which body property it fills,
 * its type, label, whether it is required (always, or only when the worker files by name) and
 * whether it is personal (left out of an anonymous filing).
 * @example
 * const field: PublicFormField = { input: 'title', field: 'title', type: 'text', label, required: 'always', personal: false, maxLength: 100 };
 */
export interface PublicFormField {
  input: string;
  field: string;
  type: string;
  label: LocalizedText;
  description?: LocalizedText;
  required: 'always' | 'when_named' | 'no';
  personal: boolean;
  maxLength?: number;
  options?: Array<{ value: string; label: LocalizedText }>;
}

/**
 * A workflow's public form: the kind of matter a union takes from the public.
 * @example
 * const form: PublicWorkflowForm = unions.workflows['ninghai:union-grievance:1'];
 */
export interface PublicWorkflowForm {
  key: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  anonymousAllowed: boolean;
  namedAllowed: boolean;
  fields: PublicFormField[];
}

/**
 * A union of the public tree, with the workflows it takes (keys into `workflows`).
 * @example
 * const union: PublicUnion = unions.unions[0];
 */
export interface PublicUnion {
  id: string;
  name: LocalizedText;
  level: string;
  parentId: string | null;
  workflows: Array<{ key: string; form: string }>;
}

/**
 * The answer of GET /api/public/unions.
 * @example
 * const { unions, workflows }: PublicUnions = await publicFetch('/public/unions');
 */
export interface PublicUnions {
  unions: PublicUnion[];
  workflows: Record<string, PublicWorkflowForm>;
}

/**
 * A matter as the worker sees it by tracking code (no personal fields, no staff notes).
 * @example
 * const matter: PublicMatter = await publicFetch(`/public/matters/${code}`);
 */
export interface PublicMatter {
  reference: string;
  union: { id: string; name: LocalizedText };
  workflow: { key: string; title: LocalizedText };
  title: string;
  state: string;
  stateTitle: LocalizedText | null;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  timeline: Array<{ at: string; event: string; label: LocalizedText | null; from: string | null; to: string; toTitle: LocalizedText | null; by: 'worker' | 'staff' | 'agency' | 'system'; staffName?: string }>;
  answer: string | null;
  awaitingRating: boolean;
  rating: { satisfaction: number } | null;
}

/**
 * The answer to a filing: the tracking code (shown this once), a notice, and the matter.
 * @example
 * const filed: FiledMatter = await publicFetch('/public/matters', { method: 'POST', json: body });
 */
export interface FiledMatter {
  trackingCode: string;
  notice: LocalizedText;
  matter: PublicMatter;
}
