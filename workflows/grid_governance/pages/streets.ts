// The streets the caller reads grids of (their memberships' streets and a district office's),
// with their names, for the pages' street picker.
import { myMemberships, supabaseClient } from '@/plugin-api';

export interface StreetOption { id: number; name: string }

export async function myStreets(): Promise<StreetOption[]> {
  const memberships = await myMemberships();
  const ids = [...new Set(memberships.flatMap((m) => [m.street_id, ...(m.district_streets ?? [])]))];
  if (!ids.length) return [];
  const { data, error } = await supabaseClient.from('units').select('id, name').in('id', ids).order('name');
  if (error) throw error;
  return data;
}
