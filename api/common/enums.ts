/** Enums shared by several concepts, registered once with type-graphql. */
import { registerEnumType } from 'type-graphql';

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

/** The six node kinds of the graph model. */
export enum EntityKind {
  PLAN = 'Plan',
  GOAL = 'Goal',
  TASK = 'Task',
  DEPARTMENT = 'Department',
  DISTRICT = 'District',
  PROJECT = 'Project',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'A node kind of the graph model.' });
