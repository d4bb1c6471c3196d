/** Enums shared by several concepts, registered once with type-graphql. */
import { registerEnumType } from 'type-graphql';
import type { DivisionLevel as ModelDivisionLevel, NodeLabel } from '../../loaders/model.ts';
import { DIVISION_LEVELS, NODE_LABELS } from '../../loaders/vocabulary.ts';

export enum Role {
  LEAD = 'LEAD',
  SUPPORT = 'SUPPORT',
}
registerEnumType(Role, { name: 'Role', description: 'LEAD for LEADS (牵头), SUPPORT for SUPPORTS (配合, 按职责分工负责).' });

/** The division levels of loaders/vocabulary.ts, top down, then ZONE: PROVINCE = 'PROVINCE', … */
export const DivisionLevel = Object.fromEntries([...DIVISION_LEVELS, 'ZONE'].map((level) => [level, level])) as {
  readonly [L in ModelDivisionLevel]: L;
};
export type DivisionLevel = ModelDivisionLevel;
registerEnumType(DivisionLevel, { name: 'DivisionLevel' });

/** The six node kinds of the graph model (loaders/vocabulary.ts): PLAN = 'Plan', … */
export const EntityKind = Object.fromEntries(NODE_LABELS.map((label) => [label.toUpperCase(), label])) as {
  readonly [L in NodeLabel as Uppercase<L>]: L;
};
export type EntityKind = NodeLabel;
registerEnumType(EntityKind, { name: 'EntityKind', description: 'A node kind of the graph model.' });
