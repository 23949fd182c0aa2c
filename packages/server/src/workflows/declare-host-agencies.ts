import { BUILTIN_AGENCIES, type Workflow } from '@shuoshi/engine';
import type { HostAgency } from './repository.js';

function referencedAgencies(workflow: Workflow): Set<string> {
  const out = new Set<string>();
  for (const state of Object.values(workflow.states)) {
    const referral = state.referral;
    if (!referral) continue;
    if (referral.agency !== undefined) out.add(referral.agency);
    const field = referral.agencyField === undefined ? undefined : workflow.fields[referral.agencyField];
    for (const option of field?.options ?? []) out.add(option.value);
  }
  return out;
}

/**
 * Declares, in the workflow's own `agencies`, the agencies of the agencies table it refers to, so
 * a published definition is self-contained: the engine (which knows only built-in and declared
 * agencies) accepts it, and it keeps the agency names it was published with.
 * @example
 * const published = declareHostAgencies(validated, await knownAgencies(db, caller));
 */
export function declareHostAgencies(workflow: Workflow, hostAgencies: readonly HostAgency[]): Workflow {
  const declared = workflow.agencies ?? {};
  const added: NonNullable<Workflow['agencies']> = {};
  const byCode = new Map(hostAgencies.map((agency) => [agency.code, agency]));
  for (const code of referencedAgencies(workflow)) {
    const agency = byCode.get(code);
    if (!agency || Object.hasOwn(declared, code) || Object.hasOwn(BUILTIN_AGENCIES, code)) continue;
    // The engine refuses empty texts: an unnamed agency goes by its code.
    added[code] = { title: { zh: agency.title.zh || code, en: agency.title.en || code } };
  }
  return Object.keys(added).length === 0 ? workflow : { ...workflow, agencies: { ...declared, ...added } };
}
