// What a workflow plugin's screens (workflows/<name>/**/*.tsx) may use of the admin, all from this
// one module (`@/plugin-api`): nothing else under src/ is theirs to import (test/unit/plugin-
// boundaries.test.ts). Node-side plugin code (machines, guards, the compiler's input) imports the
// engine's contract from src/workflow/ as before.
import { lazy } from 'react';

// Data: the supabase-js client (the caller's own token; RLS decides), Refine's error shape, every
// page of a PostgREST list.
export { supabaseClient } from '@/providers/supabase-client';
export { toHttpError } from '@/providers/data-provider';
export { fetchAll } from '@/lib/postgrest';
export { decodeFileName, encodeFileName } from '@/lib/object-names';
// Rows as the database's generated types have them (src/types/database.ts, `npm run db:types`).
export {
  asJson, derived, jsonObject,
  type Database, type Enums, type FunctionRow, type Json, type JsonObject, type SelectRow, type Tables, type TablesInsert, type TablesUpdate, type WithNulls,
} from '@/lib/rows';

// Access: the user's memberships and what they reach (mirrors the database's scope helpers).
export {
  myMemberships, rolesWhere, scopeOf, useMembershipsVersion, MEMBER_ROLES,
  type MemberRole, type MyMembership, type Scope,
} from '@/access/memberships';
export { scopeOr } from '@/access/scope-filter';
export { UNIT_KINDS } from '@/registry/resources';

// i18n: the admin's instance (Refine's useTranslation() reads the same one).
export { i18n } from '@/i18n';

// Moments in the language's one style for days, times and months (format.* keys).
export { formatDate, formatDateTime, formatDeadline, formatMonth, formatMonthDay, formatTime } from '@/lib/dates';
// A workflow state as a tag in its tone's colour, as on every list.
export { StatusTag, stateTone } from '@/components/status-tag';
// A work card's shell on the 工作台 (its data, its count, its link), and a deadline's days left.
export { DaysLeft, WorkCard, useWorkCardData } from '@/components/work-card';
// A list's 刷新 · 密度 · 列设置, remembered per user.
export { NO_TOGGLEABLE_COLUMNS, TableToolbar, useTableSettings, type TableDensity } from '@/components/table-toolbar';

// The .xlsx download of what a list shows.
export { useXlsxDownload, xlsxScore, type XlsxColumn } from '@/lib/xlsx';

// Scores as every screen shows them: one decimal.
export { formatScore } from '@/lib/format';

// Workflows: the form generated from a zod schema, zod's messages in the user's language, the
// engine's refusals in Chinese, state labels, the compiled machine.
export { SchemaForm, useZodLocale } from '@/pages/workflow/schema-form';
export { SchemaView, type SchemaViewField } from '@/pages/workflow/schema-view';
export { stateLabel, eventLabel, workflowError } from '@/workflow/errors';
export { compiledOf } from '@/workflow/machine';
export type { FormViewProps, MenuGroup, MenuPlace, PageDef, WorkCardDef, WorkCardProps, WorkflowPlugin } from '@/workflow/types';

/** The workflow panel an instance's page shows (state, actions, form, log, diagram), loaded when rendered. */
export const WorkflowPanel = lazy(() => import('@/pages/workflow/show').then((m) => ({ default: m.WorkflowShow })));
