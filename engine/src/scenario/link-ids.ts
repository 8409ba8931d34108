import { linkCapabilities } from './link-capabilities.ts';
import type { Capability } from './model.ts';
import { ALL_ROLES, type LinkContext } from './link-context.ts';

/** The ids each kind of reference may name. */
export interface KnownIds {
  roles: Set<string>;
  variables: Set<string>;
  injects: Set<string>;
  decisions: Set<string>;
  references: Set<string>;
  objectives: Set<string>;
  /** The rubric's capabilities (but the hidden ones) and the scenario's own. */
  capabilities: Set<string>;
  modules: Set<string>;
  /** The scenario's capabilities, as the model lists them. */
  capabilityList: Capability[];
}

/** Step 1: every id is unique within its kind; collects the ids references may name. */
export function linkIds(c: LinkContext): KnownIds {
  const roles = c.uniqueIds('roles');
  if (roles.has(ALL_ROLES)) c.err(c.root, ['roles'], 'reserved-id', '`all` is reserved: it means every role');
  const variables = c.uniqueIds('variables');
  const injects = c.uniqueIds('injects');
  const decisions = c.uniqueIds('decisions');
  c.uniqueIds('variations');
  const references = c.uniqueIds('references');
  const objectives = c.uniqueIds('objectives');
  c.uniqueIds('dynamics');
  c.uniqueIds('endings');
  c.uniqueIds('outcomes');
  const modules = c.uniqueIds('modules');
  const caps = linkCapabilities(c);
  return {
    roles,
    variables,
    injects,
    decisions,
    references,
    objectives,
    capabilities: caps.known,
    capabilityList: caps.list,
    modules,
  };
}
