// The office's target form, new or edited: due date (with the campaign's phase ends a click
// away), kind, grade, and exactly one of a count and a share, checked as the user types; what the
// database still refuses lands on the field it is about.
import { useTranslation } from '@refinedev/core';
import { createSchemaFieldRule } from 'antd-zod';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { derived, formatDate, toHttpError, supabaseClient, UNIT_KINDS } from '@/plugin-api';
import {
  CONSTRAINT_FIELDS, GRADES, percent, targetAmountSchema, targetSchema, toRow,
  type CampaignChoice, type TargetFormValues, type TargetProgress,
} from './model';

export default function TargetForm({
  campaign, target, totals, onClose, onSaved,
}: {
  campaign: CampaignChoice;
  /** the target to edit; none: a new one */
  target?: TargetProgress;
  /** how many units of each kind the street has (a count above it is flagged) */
  totals: Partial<Record<string, number>>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { translate, getLocale } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  const [saving, setSaving] = useState(false);
  const locale = getLocale();
  const rule = useMemo(() => createSchemaFieldRule(targetSchema()), [locale]);
  const amountRule = useMemo(() => createSchemaFieldRule(targetAmountSchema()), [locale]);
  const kind = Form.useWatch('unit_kind', form);
  const count = Form.useWatch('count', form);
  const total = kind ? totals[kind] : undefined;

  const initial: TargetFormValues = target
    ? {
        due_on: target.due_on, unit_kind: target.unit_kind, grade: target.grade, count: target.count,
        share_percent: target.share === null ? null : Number(percent(target.share)), note: target.note,
      }
    : { grade: 'demonstration' };

  async function submit() {
    let values: TargetFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const parsed = targetSchema().safeParse(values);
    if (!parsed.success) return;
    setSaving(true);
    const row = toRow(values);
    const { error } = target
      ? await supabaseClient.from('campaign_targets').update(row).eq('id', target.id)
      // street_id: the campaign's, set by the table's trigger.
      : await supabaseClient.from('campaign_targets').insert(derived<'campaign_targets', 'street_id'>({ ...row, campaign_id: campaign.id }));
    setSaving(false);
    if (error) {
      const http = toHttpError(error);
      const constraint = /constraint "([a-z_]+)"/.exec(error.message ?? '')?.[1];
      const field = (constraint && CONSTRAINT_FIELDS[constraint]) || Object.keys(http.errors ?? {})[0];
      if (field && field in initialFields) form.setFields([{ name: field as keyof TargetFormValues, errors: [http.message] }]);
      else void message.error(http.message);
      return;
    }
    void message.success(translate('targets.saved'));
    onSaved();
  }

  const phaseEnds = campaign.phases.filter((p) => p.ends_on).sort((a, b) => a.ends_on!.localeCompare(b.ends_on!));

  return (
    <Modal
      open
      title={translate(target ? 'targets.edit' : 'targets.create')}
      onOk={submit}
      okText={translate('buttons.save')}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {campaign.name}
      </Typography.Paragraph>
      <Form form={form} name="target" layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 19 }} initialValues={initial} requiredMark>
        <Form.Item
          name="due_on"
          label={translate('targets.fields.due_on')}
          required
          rules={[rule]}
          validateTrigger={['onChange', 'onBlur']}
          getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
          normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          extra={
            phaseEnds.length > 0 && (
              <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                <span style={{ fontSize: 12 }}>{translate('targets.phaseEnds')}</span>
                {phaseEnds.map((p) => (
                  <Tag
                    key={p.phase}
                    style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                    onClick={() => {
                      form.setFieldValue('due_on', p.ends_on);
                      void form.validateFields(['due_on']);
                    }}
                  >
                    {translate(`targets.phases.${p.phase}`)} {formatDate(p.ends_on)}
                  </Tag>
                ))}
              </Space>
            )
          }
        >
          <DatePicker style={{ width: 180 }} allowClear />
        </Form.Item>
        <Form.Item name="unit_kind" label={translate('targets.fields.unit_kind')} required rules={[rule]} validateTrigger={['onChange', 'onBlur']}>
          <Select
            style={{ width: 180 }}
            placeholder={translate('targets.placeholders.kind')}
            options={UNIT_KINDS.map((k) => ({ value: k, label: translate(`units.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="grade" label={translate('targets.fields.grade')} required rules={[rule]}>
          <Radio.Group options={GRADES.map((g) => ({ value: g, label: translate(`targets.grades.${g}`) }))} />
        </Form.Item>
        <Form.Item
          name="count"
          label={translate('targets.fields.count')}
          rules={[amountRule]}
          dependencies={['share_percent']}
          validateTrigger={['onChange', 'onBlur']}
          extra={total !== undefined && typeof count === 'number' && count > total ? translate('targets.exceeds', { total }) : undefined}
        >
          <InputNumber aria-label={translate('targets.fields.count')} suffix={translate('targets.countUnit')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="share_percent"
          label={translate('targets.fields.share')}
          rules={[amountRule]}
          dependencies={['count']}
          validateTrigger={['onChange', 'onBlur']}
          extra={translate('targets.amountHint')}
        >
          <InputNumber aria-label={translate('targets.fields.share')} suffix="%" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="note" label={translate('targets.fields.note')} rules={[rule]} validateTrigger={['onChange', 'onBlur']}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={translate('targets.placeholders.note')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const initialFields: Record<keyof TargetFormValues, true> = { due_on: true, unit_kind: true, grade: true, count: true, share_percent: true, note: true };
