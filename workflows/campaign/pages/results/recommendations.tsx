// 择优推选 on the 评分通报 of a published full acceptance (the plan's 四(四)): the 推选名单 every
// member of the street and its district office reads, exported to Excel as shown; the street
// office withdraws a recommendation from it, and recommends a unit graded demonstration from the
// results table with the modal below. The database decides (workflows/campaign/sql/
// 001_acceptance_recommendations.sql): the round is the street's latest published full acceptance.
import { useTranslation } from '@refinedev/core';
import { DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { derived, formatDate, formatScore, supabaseClient, toHttpError, useXlsxDownload, xlsxScore, type Tables } from '@/plugin-api';
import type { GradeRow, Round } from './model';

const K = 'workflows.campaign.recommend';
export const REASON_MAX = 500;

const COLUMNS = 'id, unit_id, unit_name, unit_kind, community_name, total, reason, created_at';
export type Recommendation = Pick<Tables<'acceptance_recommendations'>, 'id' | 'unit_id' | 'unit_name' | 'unit_kind' | 'community_name' | 'total' | 'reason' | 'created_at'>;

/** The round's recommendations, in the order they were made. */
export async function loadRecommendations(round: Round): Promise<Recommendation[]> {
  const { data, error } = await supabaseClient
    .from('acceptance_recommendations')
    .select(COLUMNS)
    .eq('street_id', round.street_id)
    .eq('round_id', round.id)
    .order('created_at')
    .order('id');
  if (error) throw error;
  // numeric arrives as a number
  return (data ?? []).map((r) => ({ ...r, total: Number(r.total) }));
}

interface ListProps {
  roundName: string;
  street: string;
  recommendations: Recommendation[] | null;
  /** The street office: it withdraws (and recommends from the results table). */
  isOffice: boolean;
  /** The office may still recommend in this round (the street's latest published full acceptance). */
  open: boolean;
  onChanged: () => void;
}

export function RecommendationList({ roundName, street, recommendations, isOffice, open, onChanged }: ListProps) {
  const { translate: t } = useTranslation();
  const { message } = App.useApp();
  const { exporting, download } = useXlsxDownload();
  const rows = recommendations ?? [];
  const fields = {
    name: t(`${K}.fields.name`),
    kind: t(`${K}.fields.kind`),
    community: t(`${K}.fields.community`),
    total: t(`${K}.fields.total`),
    reason: t(`${K}.fields.reason`),
    date: t(`${K}.fields.date`),
  };
  const date = (r: Recommendation) => formatDate(r.created_at);

  const withdraw = async (r: Recommendation) => {
    const { data, error } = await supabaseClient.from('acceptance_recommendations').delete().eq('id', r.id).select('id');
    if (error) return void message.error(toHttpError(error).message);
    if (!data?.length) return void message.error(t('errors.42501'));
    void message.success(t(`${K}.withdrawn`));
    onChanged();
  };

  const exportXlsx = () =>
    download(rows, t(`${K}.sheet`), [
      { header: fields.name, width: 24, cell: (r: Recommendation) => r.unit_name },
      { header: fields.kind, width: 10, cell: (r: Recommendation) => t(`units.kinds.${r.unit_kind}`) },
      { header: fields.community, width: 14, cell: (r: Recommendation) => r.community_name },
      { header: fields.total, width: 10, cell: (r: Recommendation) => xlsxScore(r.total) },
      { header: fields.reason, width: 60, cell: (r: Recommendation) => r.reason },
      { header: fields.date, width: 12, cell: (r: Recommendation) => ({ value: date(r), type: String }) },
    ], t(`${K}.fileName`, { street, round: roundName, date: dayjs().format('YYYYMMDD') }));

  return (
    <section data-testid="recommendations" style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t(`${K}.title`)}
          {recommendations && <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>{t('common.total', { total: rows.length })}</Typography.Text>}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} disabled={!rows.length} data-testid="recommendations-export">
          {t(`${K}.export`)}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {isOffice ? t(open ? `${K}.hint` : `${K}.notLatest`) : t(`${K}.hintReadOnly`, { street })}
      </Typography.Paragraph>
      <Table<Recommendation>
        rowKey="id"
        size="small"
        bordered
        loading={!recommendations}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t(`${K}.empty`) }}
        data-testid="recommendations-table"
        columns={[
          { title: fields.name, dataIndex: 'unit_name', width: 200 },
          { title: fields.kind, width: 100, render: (_, r) => t(`units.kinds.${r.unit_kind}`) },
          { title: fields.community, width: 120, render: (_, r) => r.community_name ?? t('common.none') },
          { title: fields.total, dataIndex: 'total', width: 90, align: 'right', render: (total: number) => formatScore(total) },
          { title: fields.reason, dataIndex: 'reason', render: (reason: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{reason}</Typography.Text> },
          { title: fields.date, width: 110, render: (_, r) => date(r) },
          ...(isOffice ? [{
            title: t(`${K}.fields.actions`),
            key: 'actions',
            width: 110,
            render: (_: unknown, r: Recommendation) => (
              <Popconfirm
                placement="topRight"
                title={t(`${K}.withdrawConfirm`, { unit: r.unit_name })}
                okText={t(`${K}.withdraw`)}
                okButtonProps={{ danger: true }}
                cancelText={t('buttons.cancel')}
                onConfirm={() => withdraw(r)}
              >
                <Button type="link" size="small" danger icon={<RollbackOutlined />} data-testid={`withdraw-${r.unit_id}`}>
                  {t(`${K}.withdraw`)}
                </Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </section>
  );
}

/** The reason's rules, as the database holds them (2 to 500 characters, not blank). */
export function reasonRules(t: (key: string) => string) {
  return [
    { required: true, whitespace: true, message: t(`${K}.rules.reason`) },
    { validator: async (_: unknown, value?: string) => {
      if (value && value.trim() && value.trim().length < 2) throw new Error(t(`${K}.rules.reasonShort`));
    } },
    { max: REASON_MAX, message: t(`${K}.rules.reasonLong`) },
  ];
}

interface ModalProps {
  row: GradeRow;
  onClose: () => void;
  onDone: () => void;
}

/** 推选: the reason for a unit graded demonstration, checked as it is typed. */
export function RecommendModal({ row, onClose, onDone }: ModalProps) {
  const { translate: t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    // The unit and the reason: the trigger derives the scope, the round and the unit's name, kind and total.
    const { error } = await supabaseClient.from('acceptance_recommendations').insert(
      derived<'acceptance_recommendations', 'street_id' | 'round_id' | 'unit_name' | 'unit_kind' | 'total'>({ unit_id: row.key, reason: reason.trim() }),
    );
    setSaving(false);
    if (error) {
      const failure = toHttpError(error);
      if (failure.errors?.reason) form.setFields([{ name: 'reason', errors: [failure.message] }]);
      else void message.error(failure.message);
      return;
    }
    void message.success(t(`${K}.done`, { unit: row.name }));
    onDone();
  };

  return (
    <Modal
      open
      title={t(`${K}.modalTitle`, { unit: row.name })}
      okText={t(`${K}.submit`)}
      cancelText={t('buttons.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(`${K}.modalHint`, { kind: t(`units.kinds.${row.kind}`), total: formatScore(row.total ?? 0) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="recommend" requiredMark>
        <Form.Item name="reason" label={t(`${K}.fields.reason`)} rules={reasonRules(t)} validateFirst hasFeedback>
          <Input.TextArea rows={5} count={{ show: true, max: REASON_MAX }} placeholder={t(`${K}.reasonPlaceholder`)} data-testid="recommend-reason" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
