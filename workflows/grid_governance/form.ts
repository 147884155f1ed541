// What a grid worker records of what they found (信息采集): its category (from the street's own
// list), what it is, where (the household or building), how urgent, and the events' payloads.
// Messages are i18n keys (workflows.grid_governance.rules.*). The category's list is the street's
// (public.grid_lists): zod cannot know it, so formCheck says it in SQL and the form view offers
// only the street's.
import { z } from 'zod';

const rule = (key: string) => `workflows.grid_governance.rules.${key}`;
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

const fields = {
  category: z.string().min(1, rule('required')).max(20, rule('tooLong')),
  description: z.string().min(5, rule('descriptionShort')).max(2000, rule('tooLong')),
  location: z.string().min(2, rule('required')).max(200, rule('tooLong')),
  household_id: z.number().int().positive(),
  urgency: z.enum(URGENCIES, { error: rule('urgency') }),
};
export type GridEventForm = Partial<{ [K in keyof typeof fields]: z.infer<(typeof fields)[K]> }>;

const optional = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.optional()])) as {
  [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
};
/** A draft: any field may be missing; every field present follows the rules. */
export const draftSchema = z.strictObject(optional);
/** What a report needs: everything but the household (a hazard in a stairwell has none). */
export const completeSchema = z.strictObject({ ...fields, household_id: fields.household_id.optional() });

/**
 * On every save, in SQL: the category is on the street's list, and the household (when named)
 * lies in the grid the event is about.
 */
export const formCheck = {
  sql: `begin
  if jsonb_typeof(form->'category') = 'string' and not exists (
    select 1 from public.grid_lists l join public.units u on u.id = subject_unit_id
    where l.street_id = u.street_id and l.list = 'event_category' and l.label = form->>'category'
  ) then
    return jsonb_build_object('path', 'category', 'rule', 'categoryListed');
  end if;
  if jsonb_typeof(form->'household_id') = 'number' and not exists (
    select 1 from public.grid_households h
    where h.id = (form->>'household_id')::bigint and subject_unit_id = any (h.grid_path)
  ) then
    return jsonb_build_object('path', 'household_id', 'rule', 'householdInGrid');
  end if;
  return null;
end;`,
};

export const comment = z.string().min(2, rule('commentRequired')).max(500, rule('tooLong'));
const optionalComment = z.string().max(500, rule('tooLong'));
export const payloads = {
  none: z.strictObject({}),
  comment: z.strictObject({ comment }),
  optionalComment: z.strictObject({ comment: optionalComment.optional() }),
  // 办结: what was done (处置结果).
  resolve: z.strictObject({ comment }),
  // 回访: the resident's satisfaction; 不满意 reopens it (a separate event, with why).
  satisfied: z.strictObject({ satisfaction: z.enum(['satisfied', 'basically_satisfied'], { error: rule('satisfaction') }), comment: optionalComment.optional() }),
};
