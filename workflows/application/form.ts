// The 申报表's fields (attachment 4) as zod schemas: a draft's rules, what submit needs, and the
// events' payloads. Messages are i18n keys (workflows.application.rules.*), translated where
// shown. The rules across fields are said twice, in zod and in SQL (formCheck, and the guard
// formComplete), as the database checks what zod's refinements say in the browser.
import { z } from 'zod';

const rule = (key: string) => `workflows.application.rules.${key}`;
// A count names its field ("户籍户数须为不小于 0 的整数"): the key is the admin's, read with { field }.
const countRule = 'formView.wholeNumber';
const count = z.number({ error: countRule }).int(countRule).min(0, countRule).max(10_000_000, countRule);
const unitIds = z.array(z.number().int().positive()).max(500);
const milestone = z.strictObject({
  content: z.string().min(1, rule('milestoneContent')).max(200, rule('tooLong')),
  due_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, rule('date')),
});
export const CREATION_TYPES = ['demonstration', 'standard'] as const;

const fields = {
  registered_households: count,
  registered_people: count,
  resident_households: count,
  resident_people: count,
  compound_ids: unitIds,
  creation_type: z.enum(CREATION_TYPES, { error: rule('creationType') }),
  demo_compound_ids: unitIds,
  social_org_count: count,
  measures: z.string().max(2000, rule('tooLong')),
  brand_name: z.string().max(100, rule('tooLong')),
  brand_goal: z.string().max(1000, rule('tooLong')),
  milestones: z.array(milestone).max(20, rule('tooMany')),
};
export type ApplicationForm = Partial<{ [K in keyof typeof fields]: z.infer<(typeof fields)[K]> }>;

/** Rules across fields, in zod; formCheck says the same in SQL (and one zod cannot know). */
function crossField(form: ApplicationForm, ctx: z.RefinementCtx) {
  const pairs = [['registered_households', 'registered_people'], ['resident_households', 'resident_people']] as const;
  for (const [households, people] of pairs) {
    if (form[households] !== undefined && form[people] !== undefined && form[people] < form[households]) {
      ctx.addIssue({ code: 'custom', path: [people], message: rule('peopleAtLeastHouseholds') });
    }
  }
  const demo = form.demo_compound_ids ?? [];
  if (demo.some((id) => !(form.compound_ids ?? []).includes(id))) {
    ctx.addIssue({ code: 'custom', path: ['demo_compound_ids'], message: rule('demoAmongCompounds') });
  }
}

const optional = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.optional()])) as {
  [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
};
/** A draft: any field may be missing; every field present follows the rules. */
export const draftSchema = z.strictObject(optional).superRefine(crossField);
/** What submit needs: every field of attachment 4. */
export const completeSchema = z
  .strictObject({
    ...fields,
    measures: fields.measures.min(1, rule('required')),
    brand_name: fields.brand_name.min(1, rule('required')),
    brand_goal: fields.brand_goal.min(1, rule('required')),
    milestones: fields.milestones.min(1, rule('milestonesRequired')),
  })
  .superRefine(crossField);

const blank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * What keeps a form from being complete, by field in the form's order: the fields still empty
 * (`missing`) and those filled in against a rule (`invalid`), as completeSchema judges them.
 */
export function formProblems(form: Record<string, unknown>): { missing: string[]; invalid: string[] } {
  // The draft's rules too: zod runs the rules across fields only once every field parses, so a
  // form with fields still missing is judged across fields by the draft schema.
  const failing = new Set([completeSchema, draftSchema].flatMap((schema) => {
    const result = schema.safeParse(form);
    return result.success ? [] : result.error.issues.map((i) => String(i.path[0] ?? ''));
  }));
  const keys = Object.keys(fields).filter((key) => failing.has(key));
  return { missing: keys.filter((key) => blank(form[key])), invalid: keys.filter((key) => !blank(form[key])) };
}

// The same cross-field rules over a jsonb form `f`, as { path, rule } or null. Types are checked
// first by the JSON Schema, so the casts below only see numbers and arrays.
export const crossFieldSql = (f: string) => `case
    when jsonb_typeof(${f}->'registered_people') = 'number' and jsonb_typeof(${f}->'registered_households') = 'number'
         and (${f}->>'registered_people')::numeric < (${f}->>'registered_households')::numeric
      then jsonb_build_object('path', 'registered_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof(${f}->'resident_people') = 'number' and jsonb_typeof(${f}->'resident_households') = 'number'
         and (${f}->>'resident_people')::numeric < (${f}->>'resident_households')::numeric
      then jsonb_build_object('path', 'resident_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof(${f}->'demo_compound_ids') = 'array' and exists (
           select 1 from jsonb_array_elements(${f}->'demo_compound_ids') d
           where not coalesce(${f}->'compound_ids', '[]'::jsonb) @> jsonb_build_array(d))
      then jsonb_build_object('path', 'demo_compound_ids', 'rule', 'demoAmongCompounds')
  end`;

/** The rules across fields on every save, in SQL: crossField's, and that the compounds are the community's own. */
export const formCheck = {
  sql: `declare
  v_error jsonb;
begin
  v_error := ${crossFieldSql('form')};
  if v_error is not null then
    return v_error;
  end if;
  -- The compounds are the community's own (a rule zod cannot know: the browser offers only them).
  if exists (
    select 1 from jsonb_array_elements(coalesce(form->'compound_ids', '[]'::jsonb)) e
    where not exists (
      select 1 from public.units u
      where u.id = (e #>> '{}')::bigint and u.kind = 'compound' and u.community_id = subject_unit_id)
  ) then
    return jsonb_build_object('path', 'compound_ids', 'rule', 'ownCompounds');
  end if;
  return null;
end;`,
};

// The events' payloads: a reviewer's words, what to fix (退回意见) or the street's opinion (街道意见).
export const comment = z.string().min(2, rule('commentRequired')).max(500, rule('tooLong'));
export const opinion = z.strictObject({ opinion: comment });
