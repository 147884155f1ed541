// The 申报表 as a community fills it in: attachment 4's rows, rules checked as the user types
// (a number stays as typed, with the rule it breaks under it, and is not saved until fixed),
// the draft saved a moment after each change (and kept in the browser until it is), what is still
// missing for submission by name, and the reviewer's comment beside it when it was returned. Read
// by anyone who cannot change it now (a reviewer, the filer once submitted), it is a description
// list (SchemaView), what changed since the last submission marked after its value.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatTime, i18n, jsonObject, SchemaView, supabaseClient, useZodLocale, workflowError, type FormViewProps, type SchemaViewField, type Tables } from '@/plugin-api';
import { formProblems } from './form';
import { CREATION_TYPES, draftSchema, type ApplicationForm } from './index';

type Values = Omit<ApplicationForm, 'milestones'> & { milestones?: { content?: string; due_on?: Dayjs | null }[] };
type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'conflict' | 'failed';

const AUTOSAVE_MS = 800;
const localKey = (id: number) => `qt.application-draft.${id}`;

/** Form values as the schema reads them: empty inputs absent, dates as YYYY-MM-DD. */
function toForm(values: Values): ApplicationForm {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'milestones') {
      out.milestones = (value as NonNullable<Values['milestones']>)
        .filter((m) => m && (m.content || m.due_on))
        .map((m) => ({ content: m.content ?? '', due_on: m.due_on ? m.due_on.format('YYYY-MM-DD') : '' }));
    } else out[key] = value;
  }
  return out as ApplicationForm;
}

function toValues(form: Record<string, unknown>): Values {
  const milestones = (form.milestones as { content: string; due_on: string }[] | undefined)?.map((m) => ({
    content: m.content,
    due_on: m.due_on ? dayjs(m.due_on) : null,
  }));
  return { ...(form as ApplicationForm), milestones };
}

export default function ApplicationFormView({ plugin, instance, editable, onSaved }: FormViewProps) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  useZodLocale();
  const [form] = Form.useForm<Values>();
  const [compounds, setCompounds] = useState<Pick<Tables<'units'>, 'id' | 'name'>[]>([]);
  const [returnComment, setReturnComment] = useState<string | null>(null);
  const [previous, setPrevious] = useState<Record<string, unknown> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState(instance.form_saved_at);
  const revision = useRef(instance.form_revision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const t = (key: string, options?: Record<string, unknown>) => translate(`workflows.application.${key}`, options);

  // The community's compounds, its latest return comment, and the submission before the last.
  useEffect(() => {
    void supabaseClient.from('units').select('id, name').eq('kind', 'compound').eq('community_id', instance.subject_unit_id).order('id')
      .then(({ data }) => setCompounds(data ?? []));
    void supabaseClient.from('workflow_events').select('comment').eq('instance_id', instance.id).eq('event', 'return').order('id', { ascending: false }).limit(1)
      .then(({ data }) => setReturnComment(data?.[0]?.comment ?? null));
    void supabaseClient.from('workflow_snapshots').select('form').eq('instance_id', instance.id).order('id', { ascending: false }).limit(2)
      .then(({ data }) => setPrevious(data && data.length === 2 ? jsonObject(data[1]!.form) : null));
  }, [instance.id, instance.subject_unit_id, instance.state]);

  // Load the saved form; a newer unsaved draft kept in this browser wins (a refresh, a crash).
  useEffect(() => {
    let values = toValues(instance.form);
    const kept = editable ? localStorage.getItem(localKey(instance.id)) : null;
    if (kept) {
      const { at, form: draft, revision: keptRevision } = JSON.parse(kept) as { at: number; form: Record<string, unknown>; revision: number };
      if (keptRevision === instance.form_revision && at > Date.parse(instance.form_saved_at ?? '0') && JSON.stringify(draft) !== JSON.stringify(instance.form)) {
        values = toValues(draft);
        void message.info(t('draft.restored'));
        setSaveState('pending');
        timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
      } else localStorage.removeItem(localKey(instance.id));
    }
    form.setFieldsValue(values);
    // Only when another save than ours brought a new revision (a second tab, say).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instance.id]);
  useEffect(() => {
    if (instance.form_revision !== revision.current) {
      revision.current = instance.form_revision;
      form.setFieldsValue({ ...Object.fromEntries(Object.keys(form.getFieldsValue(true)).map((k) => [k, undefined])), ...toValues(instance.form) });
      setSavedAt(instance.form_saved_at);
    }
  }, [instance.form_revision, instance.form, instance.form_saved_at, form]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(async () => {
    const values = toForm(form.getFieldsValue(true));
    if (!draftSchema.safeParse(values).success) {
      setSaveState('invalid');
      void form.validateFields({ recursive: true }).catch(() => undefined);
      return;
    }
    setSaveState('saving');
    const { data, error } = await supabaseClient.rpc('save_workflow_form', {
      p_instance_id: instance.id, p_form: values, p_expected_form_revision: revision.current,
    });
    if (error) {
      if (error.code === 'WF011') {
        setSaveState('conflict');
        localStorage.removeItem(localKey(instance.id));
        onSaved(); // brings the newer revision, which replaces these fields
        return;
      }
      const { message: text, field } = workflowError(plugin, error);
      if (field) form.setFields([{ name: field as keyof Values, errors: [text] }]);
      else void message.error(text);
      setSaveState('failed');
      return;
    }
    revision.current = data.form_revision;
    setSavedAt(data.form_saved_at);
    localStorage.removeItem(localKey(instance.id));
    setSaveState('saved');
    onSaved();
  }, [form, instance.id, message, onSaved, plugin]);

  const onValuesChange = () => {
    localStorage.setItem(localKey(instance.id), JSON.stringify({ at: Date.now(), form: toForm(form.getFieldsValue(true)), revision: revision.current }));
    setSaveState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  // Each field's rule: the draft schema over the whole form, its issues for this field, in words
  // that name the field ("户籍户数须为不小于 0 的整数").
  const rule: Rule = useMemo(
    () => ({
      validator: async (r) => {
        const field = (r as { field?: string }).field ?? '';
        const result = draftSchema.safeParse(toForm(form.getFieldsValue(true)));
        if (result.success) return;
        const issue = result.error.issues.find((i) => i.path.join('.') === field);
        const name = t(`fields.${field.split('.')[0]}`);
        if (issue) throw new Error(i18n.exists(issue.message) ? translate(issue.message, { field: name }) : issue.message);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, translate],
  );

  const compoundIds = Form.useWatch('compound_ids', form) ?? [];
  const demoIds = Form.useWatch('demo_compound_ids', form) ?? [];
  // What submission still needs, by name: the fields left empty, and those against a rule.
  const [problems, setProblems] = useState<{ missing: string[]; invalid: string[] }>({ missing: [], invalid: [] });
  const refreshProblems = useCallback(() => setProblems(formProblems(toForm(form.getFieldsValue(true)))), [form]);
  useEffect(() => refreshProblems(), [refreshProblems, instance.id, instance.form_revision]);
  const names = (keys: string[]) => keys.map((k) => t(`fields.${k}`)).join('、');
  const compoundName = (id: number) => compounds.find((c) => c.id === id)?.name ?? String(id);
  const item = (name: keyof Values, dependencies: (keyof Values)[] = []) => ({
    name, label: t(`fields.${name}`), rules: [rule], dependencies, validateTrigger: ['onChange', 'onBlur'],
  });
  // No min or precision: antd would turn -5 into 0 and 2.5 into 3 without a word; the rule says
  // what is wrong instead, and the draft is not saved until it is fixed.
  const count = <InputNumber style={{ width: '100%' }} />;
  const compoundOptions = compounds.map((c) => ({ value: c.id, label: c.name }));
  const returned = returnComment && instance.state === 'returned' && (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('returnedWith')} description={returnComment} data-testid="return-comment" />
  );

  if (!editable) {
    // Read, not edited: the saved form as text, what changed since the last submission marked
    // after its value (for the reviewer, while it is submitted or in review).
    const before = previous && ['submitted', 'in_review'].includes(instance.state) ? previous : null;
    const tags = (value: unknown) => {
      const ids = (value as number[] | undefined) ?? [];
      // None chosen (an empty list) is an answer; no list at all is not filled in yet.
      if (ids.length === 0) return <Typography.Text type="secondary">{value === undefined ? translate('formView.empty') : t('count', { n: 0 })}</Typography.Text>;
      return (
        <Space size={[4, 4]} wrap>
          {ids.map((id) => <Tag key={id} style={{ marginInlineEnd: 0 }}>{compoundName(id)}</Tag>)}
          <Typography.Text type="secondary">{t('count', { n: ids.length })}</Typography.Text>
        </Space>
      );
    };
    const idsText = (value: unknown) => ((value as number[] | undefined) ?? []).map(compoundName).join('、');
    const milestones = (value: unknown) => ((value as { content: string; due_on: string }[] | undefined) ?? []);
    const overview: SchemaViewField[] = [
      { key: 'community_name', label: t('community_name'), fixed: true, render: () => instance.subject?.name ?? '' },
      { key: 'creation_type', render: (v) => (v ? t(`creationTypes.${String(v)}`) : translate('formView.empty')), text: (v) => t(`creationTypes.${String(v)}`) },
      { key: 'registered_households' }, { key: 'registered_people' }, { key: 'resident_households' }, { key: 'resident_people' },
      { key: 'compound_ids', render: tags, text: idsText, span: 'row' },
      { key: 'social_org_count' },
      { key: 'demo_compound_ids', render: tags, text: idsText },
      { key: 'measures', span: 'row' },
    ];
    const brand: SchemaViewField[] = [
      { key: 'brand_name', span: 'row' },
      { key: 'brand_goal', span: 'row' },
      {
        key: 'milestones',
        span: 'row',
        render: (v) => milestones(v).length === 0 ? <Typography.Text type="secondary">{translate('formView.empty')}</Typography.Text> : (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {milestones(v).map((m, i) => <li key={i}><Typography.Text type="secondary">{m.due_on}</Typography.Text>　{m.content}</li>)}
          </ol>
        ),
        text: (v) => milestones(v).map((m) => `${m.due_on} ${m.content}`).join('；'),
      },
    ];
    return (
      <>
        {returned}
        <SchemaView plugin={plugin} schema={draftSchema} values={instance.form} fields={overview} previous={before} testId="application-view" />
        <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>{t('brandProject')}</Typography.Title>
        <SchemaView plugin={plugin} schema={draftSchema} values={instance.form} fields={brand} previous={before} column={1} testId="application-view-brand" />
      </>
    );
  }

  return (
    <>
      {returned}
      <Form form={form} name="application" layout="vertical" onValuesChange={() => { onValuesChange(); refreshProblems(); }} requiredMark={false}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('community_name')}>
              <Input value={instance.subject?.name ?? ''} readOnly variant="filled" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('creation_type')}>
              <Radio.Group options={CREATION_TYPES.map((c) => ({ value: c, label: t(`creationTypes.${c}`) }))} />
            </Form.Item>
          </Col>
          {(['registered_households', 'registered_people', 'resident_households', 'resident_people'] as const).map((key) => (
            <Col xs={12} md={6} key={key}>
              <Form.Item {...item(key, key.endsWith('people') ? [key.replace('people', 'households') as keyof Values] : [])}>{count}</Form.Item>
            </Col>
          ))}
          <Col xs={24} md={18}>
            <Form.Item {...item('compound_ids')} extra={t('count', { n: compoundIds.length })}>
              <Select mode="multiple" options={compoundOptions} optionFilterProp="label" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item {...item('social_org_count')}>{count}</Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item {...item('demo_compound_ids', ['compound_ids'])} extra={t('count', { n: demoIds.length })}>
              <Select mode="multiple" options={compoundOptions.filter((o) => compoundIds.includes(o.value))} optionFilterProp="label" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item {...item('measures')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>{t('brandProject')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item {...item('brand_name')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item {...item('brand_goal')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('fields.milestones')} required={false}>
          <Form.List name="milestones">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[row.name, 'due_on']} rules={[rule]} style={{ marginBottom: 8 }}>
                      <DatePicker placeholder={t('milestone.due_on')} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'content']} rules={[rule]} style={{ marginBottom: 8, width: 420 }}>
                      <Input placeholder={t('milestone.content')} maxLength={200} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('milestone.remove')} onClick={() => { remove(row.name); onValuesChange(); refreshProblems(); }} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ content: '', due_on: null })}>
                  {t('milestone.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
      <Space direction="vertical" size={2}>
        <Typography.Text type={saveState === 'invalid' || saveState === 'failed' || saveState === 'conflict' ? 'danger' : 'secondary'} data-testid="save-state">
          {saveState === 'saved' && savedAt ? t('draft.saved', { time: formatTime(savedAt) }) : t(`draft.${saveState}`)}
        </Typography.Text>
        {problems.missing.length > 0 && <Typography.Text type="warning" data-testid="form-missing">{translate('formView.missing', { fields: names(problems.missing) })}</Typography.Text>}
        {problems.invalid.length > 0 && <Typography.Text type="danger" data-testid="form-invalid">{translate('formView.invalid', { fields: names(problems.invalid) })}</Typography.Text>}
      </Space>
    </>
  );
}
