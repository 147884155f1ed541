// What a grid worker records of what they found, in the event's panel: the category from the
// street's own list, the urgency, the household picked from their grid's (which fills the place
// when it is empty), the place and what it is. Each field checks as it is typed, by the form's
// zod rules; the database checks again on save (the list, the household's grid) and names the
// field it refuses. Read by anyone who cannot change it now, it is a description list.
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { formatDateTime, i18n, SchemaView, supabaseClient, useZodLocale, workflowError, type FormViewProps } from '@/plugin-api';
import { draftSchema, URGENCIES, type GridEventForm } from './form';
import { EventPhotos } from './photos';

interface Household { id: number; compound: string; building: string; unit_no: string; room: string; contact_name: string }

/** 禾丰苑 3号楼 2单元 301 (the parts it has). */
export function addressOf(h: Pick<Household, 'compound' | 'building' | 'unit_no' | 'room'>): string {
  return [h.compound, h.building && `${h.building}号楼`, h.unit_no && `${h.unit_no}单元`, h.room].filter(Boolean).join(' ');
}

const shape = draftSchema.shape as Record<keyof GridEventForm, z.ZodType>;
/** The field's zod rule, in the user's words, as the form is typed. */
const rule = (key: keyof GridEventForm, required: boolean): Rule[] => [
  ...(required ? [{ required: true, message: i18n.t('workflow.requiredField', { field: i18n.t(`workflows.grid_governance.fields.${key}`) }) }] : []),
  {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const parsed = shape[key].safeParse(value);
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? '';
        throw new Error(i18n.exists(message) ? i18n.t(message) : message);
      }
    },
  },
];

export default function GridEventFormView({ plugin, instance, editable, mayAct, onSaved }: FormViewProps) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  useZodLocale();
  const t = (key: string, options?: Record<string, unknown>) => translate(`workflows.grid_governance.${key}`, options);
  const [form] = Form.useForm<GridEventForm>();
  const [categories, setCategories] = useState<string[]>([]);
  const [households, setHouseholds] = useState<Household[]>([]);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const values = instance.form as GridEventForm;

  useEffect(() => {
    void supabaseClient.from('grid_lists').select('label').eq('street_id', instance.street_id).eq('list', 'event_category').order('position').order('id')
      .then(({ data }) => setCategories([...new Set((data ?? []).map((r) => r.label))]));
    // (the subject's households: a grid's are those whose path has it; as the caller reads them)
    void supabaseClient.from('grid_households').select('id, compound, building, unit_no, room, contact_name')
      .contains('grid_path', [instance.subject_unit_id]).order('compound').order('building').order('unit_no').order('room').limit(1000)
      .then(({ data }) => setHouseholds(data ?? []));
  }, [instance.street_id, instance.subject_unit_id]);
  useEffect(() => form.setFieldsValue(values), [form, values]);

  const household = useMemo(() => households.find((h) => h.id === values.household_id), [households, values.household_id]);
  // A category the list no longer has stays offered while the event carries it.
  const categoryOptions = [...new Set([...categories, ...(values.category ? [values.category] : [])])].map((c) => ({ value: c, label: c }));

  const photos = <div style={{ marginTop: 16 }}><EventPhotos plugin={plugin} instance={instance} mayAdd={mayAct} /></div>;
  if (!editable) {
    return (
      <>
        <SchemaView plugin={plugin} schema={draftSchema} values={values} column={1}
          fields={[
            { key: 'category' }, { key: 'urgency' },
            { key: 'household_id', render: () => (household ? `${addressOf(household)} · ${household.contact_name}` : '—') },
            { key: 'location' }, { key: 'description' },
          ].filter((f) => values[f.key as keyof GridEventForm] !== undefined)}
        />
        {photos}
      </>
    );
  }

  const save = async () => {
    let fields: GridEventForm;
    try {
      fields = await form.validateFields();
    } catch {
      return; // each field says what is wrong
    }
    const next = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    setSaving(true);
    const { error } = await supabaseClient.rpc('save_workflow_form', { p_instance_id: instance.id, p_form: next, p_expected_form_revision: instance.form_revision });
    setSaving(false);
    if (error) {
      const refused = workflowError(plugin, error);
      if (refused.field) form.setFields([{ name: refused.field as keyof GridEventForm, errors: [refused.message] }]);
      else setRefusal(refused.message);
      if (error.code === 'WF011') onSaved(); // another tab saved first: load theirs
      return;
    }
    setRefusal(null);
    void message.success(translate('workflow.formSaved'));
    onSaved();
  };

  return (
    <>
      <Form form={form} name="grid-event" layout="vertical" initialValues={values}>
        {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('fields.category')} rules={rule('category', true)}>
              <Select options={categoryOptions} placeholder={t('form.pickCategory')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="urgency" label={t('fields.urgency')} rules={rule('urgency', true)}>
              <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`options.urgency.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="household_id" label={t('fields.household_id')} extra={t('form.householdHint')} rules={rule('household_id', false)}>
              <Select
                allowClear showSearch optionFilterProp="label" placeholder={t('form.pickHousehold')}
                options={households.map((h) => ({ value: h.id, label: `${addressOf(h)} · ${h.contact_name}` }))}
                onChange={(id?: number) => {
                  const picked = households.find((h) => h.id === id);
                  if (picked && !form.getFieldValue('location')) form.setFieldValue('location', addressOf(picked));
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="location" label={t('fields.location')} rules={rule('location', true)} validateTrigger={['onChange', 'onBlur']}>
              <Input allowClear maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('fields.description')} rules={rule('description', true)} validateTrigger={['onChange', 'onBlur']}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" onClick={save} loading={saving} data-testid="grid-event-save">{t('form.save')}</Button>
          {instance.form_saved_at && (
            <Typography.Text type="secondary">{translate('workflow.panel.savedAt', { time: formatDateTime(instance.form_saved_at) })}</Typography.Text>
          )}
        </Space>
      </Form>
      {photos}
    </>
  );
}
