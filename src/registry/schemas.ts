// The zod schemas of the resources' create and edit forms (ResourceDef.schema), kept apart from
// ./resources.tsx so zod loads with the form pages, not with the menu (src/registry/refine.tsx
// puts them on the definitions it gives those pages).
import { z } from 'zod';
import { i18n } from '@/i18n';
import { CREATABLE_UNIT_KINDS } from './resources';
import type { ResourceDef } from './types';

const t = (key: string) => i18n.t(key);

const SCHEMAS: Record<string, ResourceDef['schema']> = {
  units: () =>
    z.object({
      name: z.string({ error: t('units.rules.nameRequired') }).trim().min(1, t('units.rules.nameRequired')).max(100, t('units.rules.nameTooLong')),
      kind: z.enum(CREATABLE_UNIT_KINDS as [string, ...string[]], { error: t('units.rules.kindRequired') }),
      parent_id: z.number({ error: t('units.rules.parentRequired') }),
      address: z.string().max(200, t('units.rules.addressTooLong')).nullish(),
    }),
};

const withSchemas = new Map<ResourceDef, ResourceDef>();

/** The definition with its form schema (the same object each time, so pages can memoise on it). */
export function withSchema(def: ResourceDef): ResourceDef {
  let full = withSchemas.get(def);
  if (!full) {
    full = SCHEMAS[def.name] ? { ...def, schema: SCHEMAS[def.name] } : def;
    withSchemas.set(def, full);
  }
  return full;
}
