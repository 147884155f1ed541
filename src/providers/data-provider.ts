// Refine's Supabase data provider, with two additions: every list of a scoped resource carries
// the user's scope filter (see access/scope-filter.ts), and Postgres errors reach the user in
// Chinese, on the form field they belong to where the database names one.
import type { DataProvider, HttpError } from '@refinedev/core';
import { dataProvider as supabaseDataProvider } from '@refinedev/supabase';
import { myMemberships, scopeOf } from '@/access/memberships';
import { scopeFilter, WORKFLOW_SCOPE, type ScopeColumns } from '@/access/scope-filter';
import { i18n } from '@/i18n';
import { resourceByName } from '@/registry/resources';
import { supabaseClient } from './supabase-client';

interface PostgrestLikeError {
  code?: string;
  message?: string;
  details?: string | null;
  hint?: string | null;
  statusCode?: number;
}

/** A Refine HttpError whose message a user can read, with field errors where known. */
export function toHttpError(error: PostgrestLikeError): HttpError {
  const constraint = /constraint "([a-z_]+)"/.exec(error.message ?? '')?.[1];
  const hasChinese = /[\u4e00-\u9fff]/.test(error.message ?? '');
  let message: string;
  if (constraint && i18n.exists(`errors.${constraint}`)) message = i18n.t(`errors.${constraint}`);
  else if (hasChinese) message = error.message!; // our own RAISE, already in Chinese
  else if (error.code && i18n.exists(`errors.${error.code}`)) message = i18n.t(`errors.${error.code}`);
  else message = i18n.t('errors.unknown', { message: error.message ?? '' });
  const field = error.hint && /^[a-z_]+$/.test(error.hint) ? error.hint : constraint === 'units_sibling_name_key' ? 'name' : undefined;
  return {
    message,
    statusCode: error.statusCode ?? (error.code === '42501' ? 403 : 400),
    ...(field ? { errors: { [field]: [message] } } : {}),
  };
}

function translated<T extends (...args: never[]) => Promise<unknown>>(fn: T): T {
  return (async (...args: Parameters<T>) => {
    try {
      return await fn(...args);
    } catch (error) {
      throw toHttpError(error as PostgrestLikeError);
    }
  }) as T;
}

const base = supabaseDataProvider(supabaseClient);

const ENGINE_SCOPES: Record<string, ScopeColumns> = { workflow_instances: WORKFLOW_SCOPE, workflow_events: WORKFLOW_SCOPE };

export const dataProvider: DataProvider = {
  ...base,
  getList: translated(async (params: Parameters<DataProvider['getList']>[0]) => {
    const scope = resourceByName.get(params.resource)?.scope ?? ENGINE_SCOPES[params.resource];
    if (!scope) return base.getList(params);
    const filter = scopeFilter(scopeOf(await myMemberships()), scope);
    return base.getList({ ...params, filters: filter ? [...(params.filters ?? []), filter] : params.filters });
  }) as DataProvider['getList'],
  getOne: translated(base.getOne) as DataProvider['getOne'],
  getMany: translated(base.getMany!) as DataProvider['getMany'],
  create: translated(base.create) as DataProvider['create'],
  update: translated(base.update) as DataProvider['update'],
  deleteOne: translated(base.deleteOne) as DataProvider['deleteOne'],
};
