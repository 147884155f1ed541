// The admin's resources. Pages, routes, menus, filters and forms are generated from these
// definitions; a workflow plugin adds its own the same way. Form schemas are in ./schemas.ts.
import { ApartmentOutlined, MailOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { MEMBER_ROLES } from '@/access/memberships';
import type { ResourceDef } from './types';
import { WORKFLOW_CATALOG } from './workflows';

/** The kinds of unit the campaign's standard scores (its six levels). */
export const UNIT_KINDS = ['street', 'community', 'compound', 'building', 'business_district', 'social_org'] as const;
/** Every kind a unit may be: the district above the streets, the scored ones, and each plugin's (declares.unitKinds). */
export const ALL_UNIT_KINDS: string[] = ['district', ...UNIT_KINDS, ...WORKFLOW_CATALOG.flatMap((p) => p.unitKinds.map((k) => k.kind))];
/** What a street office creates: every kind below the street. */
export const CREATABLE_UNIT_KINDS = ALL_UNIT_KINDS.filter((k) => k !== 'district' && k !== 'street');
// A parent is a street, a community, or a plugin's kind that another kind sits under (a grid).
const PARENT_KINDS = ['street', 'community', ...WORKFLOW_CATALOG.flatMap((p) => p.unitKinds.flatMap((k) => k.parents)).filter((k) => k !== 'street' && k !== 'community')];

const units: ResourceDef = {
  name: 'units',
  label: 'units.title',
  icon: <ApartmentOutlined />,
  select: 'id, kind, name, parent_id, address, street_id, community_id, updated_at, parent:parent_id(name)',
  scope: { street: 'street_id', community: 'community_id' },
  defaultSort: { field: 'id', order: 'asc' },
  fields: [
    { name: 'name', label: 'units.fields.name', kind: 'text', list: true, filter: 'contains', form: 'both' },
    { name: 'kind', label: 'units.fields.kind', kind: 'enum', options: ALL_UNIT_KINDS, optionPrefix: 'units.kinds', list: true, filter: 'eq', form: 'create', width: 120 },
    {
      name: 'parent_id', label: 'units.fields.parent_id', kind: 'reference', path: 'parent.name', list: true, form: 'both',
      reference: { resource: 'units', labelField: 'name', embed: 'parent', kinds: [...new Set(PARENT_KINDS)] },
    },
    { name: 'address', label: 'units.fields.address', kind: 'text', list: true, form: 'both' },
    { name: 'updated_at', label: 'units.fields.updated_at', kind: 'datetime', list: true, width: 160 },
  ],
  // schema: in ./schemas.ts, loaded with the form pages (zod stays out of the first screen).
  // A district office reads its streets' units (each row names its 上级单位; the 单位树 groups them by street).
  access: {
    list: ['street_office', 'reviewer', 'viewer', 'community_filer', 'district_office'],
    create: ['street_office'],
    edit: ['street_office'],
    delete: ['street_office'],
  },
  // 单位树 (/units/tree) is a page of the core's own (./core-pages.tsx), at 20.
  menu: { group: 'system', order: 10 },
};

const memberships: ResourceDef = {
  name: 'memberships',
  label: 'memberships.title',
  icon: <TeamOutlined />,
  select: 'id, role, unit_id, user_id, street_id, community_id, created_at, profile:profiles(full_name, email, disabled), unit:units!unit_id(name)',
  scope: { street: 'street_id', community: 'community_id' },
  defaultSort: { field: 'id', order: 'desc' },
  fields: [
    { name: 'full_name', label: 'memberships.fields.full_name', kind: 'text', path: 'profile.full_name', list: true },
    { name: 'email', label: 'memberships.fields.email', kind: 'email', path: 'profile.email', list: true },
    { name: 'unit_id', label: 'memberships.fields.unit_id', kind: 'reference', path: 'unit.name', list: true, reference: { resource: 'units', labelField: 'name', embed: 'unit', kinds: ['street', 'community'] } },
    { name: 'role', label: 'memberships.fields.role', kind: 'enum', options: MEMBER_ROLES, optionPrefix: 'memberships.roles', list: true, filter: 'eq', width: 120 },
    { name: 'created_at', label: 'memberships.fields.created_at', kind: 'datetime', list: true, width: 160 },
  ],
  access: {
    list: ['street_office', 'reviewer', 'viewer'],
    create: [],
    edit: [],
    delete: ['street_office'],
  },
  menu: { group: 'system', order: 30 },
  listActions: lazy(() => import('@/pages/memberships/invite')),
  ownRowField: 'user_id',
  rowActions: lazy(() => import('@/pages/memberships/row-actions')),
};

// 待接受的邀请, under the members: the street's pending invitations (member_invitations; the
// street-wide roles read them, the office withdraws one with revoke_invitation). A membership is
// made only when the invitee accepts (the dashboard, src/pages/dashboard/invitations.tsx).
const memberInvitations: ResourceDef = {
  name: 'member_invitations',
  label: 'invitations.title',
  icon: <MailOutlined />,
  select: 'id, email, full_name, unit_id, role, street_id, community_id, created_at, status, unit:units!unit_id(name), inviter:profiles!invited_by(full_name)',
  scope: { street: 'street_id', community: 'community_id' },
  defaultSort: { field: 'id', order: 'desc' },
  filters: [{ field: 'status', operator: 'eq', value: 'pending' }],
  shownIn: 'memberships',
  description: 'invitations.hint',
  emptyText: 'invitations.empty',
  fields: [
    { name: 'email', label: 'invitations.fields.email', kind: 'email', list: true },
    { name: 'full_name', label: 'invitations.fields.full_name', kind: 'text', list: true },
    { name: 'unit_id', label: 'invitations.fields.unit_id', kind: 'reference', path: 'unit.name', list: true, reference: { resource: 'units', labelField: 'name', embed: 'unit' } },
    { name: 'role', label: 'invitations.fields.role', kind: 'enum', options: MEMBER_ROLES, optionPrefix: 'memberships.roles', list: true, width: 120 },
    { name: 'invited_by', label: 'invitations.fields.invited_by', kind: 'text', path: 'inviter.full_name', list: true, width: 120 },
    { name: 'created_at', label: 'invitations.fields.created_at', kind: 'datetime', list: true, width: 160 },
  ],
  access: {
    list: ['street_office', 'reviewer', 'viewer'],
    create: [],
    edit: [],
    delete: [],
  },
  rowActions: lazy(() => import('@/pages/memberships/revoke')),
};

export const RESOURCES: ResourceDef[] = [units, memberships, memberInvitations];
export const resourceByName = new Map(RESOURCES.map((r) => [r.name, r]));
