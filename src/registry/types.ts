// The shape of one admin resource: everything the generic list and form pages need to render it.
import type { CrudFilter } from '@refinedev/core';
import type { ComponentType, ReactNode } from 'react';
import type { z } from 'zod';
import type { MemberRole } from '@/access/memberships';
import type { ScopeColumns } from '@/access/scope-filter';
import type { MenuPlace } from '@/workflow/types';

export type FieldKind = 'text' | 'enum' | 'reference' | 'datetime' | 'password' | 'email';

export interface FieldDef {
  name: string;
  /** i18n key of the label. */
  label: string;
  kind: FieldKind;
  /** enum: the values, and the i18n prefix of their labels. */
  options?: readonly string[];
  optionPrefix?: string;
  /** reference: the resource it points at, which of its columns to show, and the embed alias. */
  reference?: { resource: string; labelField: string; embed: string; kinds?: readonly string[] };
  /** Where the field appears. */
  list?: boolean;
  filter?: 'eq' | 'contains';
  form?: 'create' | 'both';
  width?: number;
  /** A value read from the row for the list (dotted path into embeds). */
  path?: string;
}

export interface ResourceDef {
  name: string;
  label: string;
  icon: ReactNode;
  /** PostgREST select for lists, with embeds. */
  select: string;
  scope?: ScopeColumns;
  fields: FieldDef[];
  /** zod schema of the create/edit form; messages are built from i18n when called. Set in ./schemas.ts. */
  schema?: () => z.ZodObject;
  defaultSort?: { field: string; order: 'asc' | 'desc' };
  /** i18n keys: a line beside the list's title, and what an empty list says. */
  description?: string;
  emptyText?: string;
  /** Filters every list of the resource carries, beside the user's (status = pending, say). */
  filters?: CrudFilter[];
  /**
   * The list is a section under another resource's list (its name), with no page or menu entry
   * of its own: 成员 shows 待接受的邀请 beneath the members.
   */
  shownIn?: string;
  access: Record<'list' | 'create' | 'edit' | 'delete', MemberRole[]>;
  /** Its place in the menu (src/registry/core-pages.tsx); none for a section shown in another's list. */
  menu?: MenuPlace;
  /** Actions in the list header beside 新建 (an invite dialog, say). */
  listActions?: ComponentType;
  /**
   * The column holding a user id: a row whose user is the signed-in one offers no delete (one's
   * own membership; the database refuses it too).
   */
  ownRowField?: string;
  /** Row actions beyond edit/delete. */
  rowActions?: ComponentType<{ record: Record<string, unknown> }>;
}
