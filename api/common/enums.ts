/** Enums shared by several concepts, registered once with type-graphql. */
import { registerEnumType } from 'type-graphql';
import type { NodeLabel } from '../../loaders/model.ts';
import { NODE_LABELS } from '../../loaders/vocabulary.ts';

export enum Role {
  LEAD = 'LEAD',
  SUPPORT = 'SUPPORT',
}
registerEnumType(Role, { name: 'Role', description: 'LEAD for LEADS (牵头), SUPPORT for SUPPORTS (配合, 按职责分工负责).' });

export enum DivisionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
  VILLAGE = 'VILLAGE',
  ZONE = 'ZONE',
}
registerEnumType(DivisionLevel, { name: 'DivisionLevel' });

/** The six node kinds of the graph model (loaders/vocabulary.ts): PLAN = 'Plan', … */
export const EntityKind = Object.fromEntries(NODE_LABELS.map((label) => [label.toUpperCase(), label])) as {
  readonly [L in NodeLabel as Uppercase<L>]: L;
};
export type EntityKind = NodeLabel;
registerEnumType(EntityKind, { name: 'EntityKind', description: 'A node kind of the graph model.' });
