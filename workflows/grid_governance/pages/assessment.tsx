// 网格考核: a month's figures per grid, grid worker and department from the event log
// (public.grid_assessment), ranked by the street's weighted score; the street office sets the
// weights and publishes a month once it is over, after which everyone reads the frozen rows. The
// street's months as a chart, for those who read all of its events.
import { Alert, Button, Card, DatePicker, Form, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  derived, formatDateTime, i18n, myMemberships, supabaseClient, toHttpError, useXlsxDownload, xlsxScore,
  type FunctionRow, type XlsxColumn,
} from '@/plugin-api';
import { myStreets, type StreetOption } from './streets';

type Result = FunctionRow<'grid_assessment'>;
type Trend = FunctionRow<'grid_assessment_trend'>;
type Kind = 'grid' | 'worker' | 'office';
const KINDS: Kind[] = ['grid', 'worker', 'office'];
const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.assessment.${key}`, options);

/** 满意率 in percent: 满意 and 基本满意 of all visits; null with no visit. */
export function satisfactionRate(r: Pick<Result, 'satisfied' | 'basically' | 'unsatisfied'>): number | null {
  const visits = r.satisfied + r.basically + r.unsatisfied;
  return visits ? Math.round((1000 * (r.satisfied + r.basically)) / visits) / 10 : null;
}
const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

export default function AssessmentPage() {
  const [streets, setStreets] = useState<StreetOption[] | null>(null);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month').startOf('month'));
  const [kind, setKind] = useState<Kind>('grid');
  const [rows, setRows] = useState<Result[] | null>(null);
  const [trend, setTrend] = useState<Trend[]>([]);
  // The months the street has published (marked in the month picker).
  const [publishedMonths, setPublishedMonths] = useState<Set<string>>(new Set());
  const [isOffice, setIsOffice] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const { exporting, download } = useXlsxDownload();

  useEffect(() => {
    void myStreets().then((list) => {
      setStreets(list);
      setStreetId(list[0]?.id ?? null);
    }, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (streetId === null) return;
    void myMemberships().then((ms) => setIsOffice(ms.some((m) => m.role === 'street_office' && m.street_id === streetId)));
    void supabaseClient.rpc('grid_assessment_trend', { p_street_id: streetId, p_months: 12 }).then(({ data }) => setTrend(data ?? []));
  }, [streetId]);
  const load = useCallback(async () => {
    if (streetId === null) return;
    setRows(null);
    void supabaseClient.rpc('grid_assessment_published', { p_street_id: streetId })
      .then(({ data }) => setPublishedMonths(new Set((data ?? []).map((m) => m.month.slice(0, 7)))));
    const { data, error: failed } = await supabaseClient.rpc('grid_assessment', { p_street_id: streetId, p_month: month.format('YYYY-MM-01') });
    if (failed) setError(toHttpError(failed).message);
    else { setError(null); setRows(data); }
  }, [streetId, month]);
  useEffect(() => { void load(); }, [load]);

  const publishedAt = rows?.find((r) => r.published_at)?.published_at ?? null;
  const monthOver = month.isBefore(dayjs().startOf('month'));
  const shown = (rows ?? []).filter((r) => r.subject_kind === kind);

  const publish = async () => {
    const { data, error: failed } = await supabaseClient.rpc('publish_grid_assessment', { p_street_id: streetId!, p_month: month.format('YYYY-MM-01') });
    if (failed) void message.error(toHttpError(failed).message);
    else { void message.success(t('publishedN', { count: data })); void load(); }
  };

  const columns: ColumnsType<Result> = [
    { title: t('rank'), dataIndex: 'rank', width: 64, align: 'center', render: (rank: number | null) => rank ?? '—' },
    { title: t(`subject.${kind}`), dataIndex: 'subject_name', width: 160 },
    ...(kind === 'office' ? [] : [{ title: t(`parent.${kind}`), dataIndex: 'parent_name', width: 160, ellipsis: true } as const]),
    ...(kind === 'office' ? [] : [{ title: t('found'), dataIndex: 'found', width: 70, align: 'right' } as const]),
    { title: t('handled'), dataIndex: 'handled', width: 70, align: 'right' },
    { title: t('onTime'), dataIndex: 'on_time', width: 80, align: 'right' },
    { title: t('overdue'), key: 'overdue', width: 70, align: 'right', render: (_, r) => r.handled - r.on_time },
    { title: t('avgDays'), dataIndex: 'avg_days', width: 90, align: 'right', render: (v: number | null) => (v === null ? '—' : Number(v).toFixed(1)) },
    { title: t('satisfied'), dataIndex: 'satisfied', width: 70, align: 'right' },
    { title: t('basically'), dataIndex: 'basically', width: 80, align: 'right' },
    { title: t('unsatisfied'), dataIndex: 'unsatisfied', width: 70, align: 'right' },
    { title: t('satisfactionRate'), key: 'rate', width: 80, align: 'right', render: (_, r) => percent(satisfactionRate(r)) },
    { title: t('score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : <Typography.Text strong>{Number(v).toFixed(1)}</Typography.Text>) },
  ];
  const xlsxColumns: XlsxColumn<Result>[] = [
    { header: t('rank'), width: 6, cell: (r) => r.rank },
    { header: t('kind'), width: 8, cell: (r) => t(`kinds.${r.subject_kind}`) },
    { header: t('name'), width: 24, cell: (r) => r.subject_name },
    { header: t('belongs'), width: 24, cell: (r) => r.parent_name },
    { header: t('found'), width: 8, cell: (r) => r.found },
    { header: t('handled'), width: 8, cell: (r) => r.handled },
    { header: t('onTime'), width: 10, cell: (r) => r.on_time },
    { header: t('overdue'), width: 8, cell: (r) => r.handled - r.on_time },
    { header: t('avgDays'), width: 12, cell: (r) => xlsxScore(r.avg_days) },
    { header: t('satisfied'), width: 8, cell: (r) => r.satisfied },
    { header: t('basically'), width: 10, cell: (r) => r.basically },
    { header: t('unsatisfied'), width: 8, cell: (r) => r.unsatisfied },
    { header: t('satisfactionRate'), width: 10, cell: (r) => xlsxScore(satisfactionRate(r)) },
    { header: t('score'), width: 8, cell: (r) => xlsxScore(r.score) },
  ];
  const streetName = streets?.find((s) => s.id === streetId)?.name ?? '';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={error} />}
      <Card
        size="small"
        title={t('title')}
        extra={(
          <Space wrap>
            {streets && streets.length > 1 && (
              <Select aria-label={t('street')} style={{ width: 180 }} value={streetId ?? undefined}
                options={streets.map((s) => ({ value: s.id, label: s.name }))} onChange={setStreetId} />
            )}
            <DatePicker picker="month" aria-label={t('month')} allowClear={false} value={month}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setMonth(d.startOf('month'))}
              cellRender={(current, info) => (info.type === 'month' && publishedMonths.has(dayjs(current).format('YYYY-MM'))
                ? (
                  <div style={{ position: 'relative' }} title={t('publishedMark')}>
                    {info.originNode}
                    <span style={{ position: 'absolute', top: -4, right: 6, color: '#389e0d', fontSize: 8 }}>●</span>
                  </div>
                )
                : info.originNode)} />
            {publishedAt
              ? <Tag color="green" data-testid="assessment-status">{t('published', { at: formatDateTime(publishedAt) })}</Tag>
              : <Tag data-testid="assessment-status">{rows?.length ? t('live') : t('notPublished')}</Tag>}
            {isOffice && <Button onClick={() => setWeightsOpen(true)}>{t('weights')}</Button>}
            {isOffice && !publishedAt && (
              <Popconfirm title={t('publishConfirm', { month: month.format('YYYY年M月') })} onConfirm={() => void publish()} disabled={!monthOver}>
                <Button type="primary" disabled={!monthOver} title={monthOver ? undefined : t('notOver')}>{t('publish')}</Button>
              </Popconfirm>
            )}
            <Button loading={exporting} disabled={!rows?.length}
              onClick={() => void download(rows ?? [], t('title'), xlsxColumns, `${streetName}${t('title')}-${month.format('YYYY-MM')}`)}>
              {t('export')}
            </Button>
          </Space>
        )}
      >
        <Tabs activeKey={kind} onChange={(k) => setKind(k as Kind)} size="small"
          items={KINDS.map((k) => ({ key: k, label: `${t(`kinds.${k}`)}（${(rows ?? []).filter((r) => r.subject_kind === k).length}）` }))} />
        <Table<Result>
          rowKey={(r) => `${r.subject_kind}-${r.subject_id}`}
          size="small"
          loading={rows === null && !error}
          dataSource={shown}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('empty') }}
          data-testid="assessment-table"
        />
        {rows?.[0] && (
          <Typography.Text type="secondary">
            {t('formula', rows[0].weights as Record<string, number>)}
          </Typography.Text>
        )}
      </Card>
      {trend.length > 0 && (
        <Card size="small" title={t('trend')} data-testid="assessment-trend">
          <ResponsiveContainer width="100%" height={240}>
            <ComposedChart data={trend.map((m) => ({ ...m, label: dayjs(m.month).format('YY年M月') }))} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" fontSize={12} />
              <YAxis yAxisId="count" fontSize={12} allowDecimals={false} />
              <YAxis yAxisId="rate" orientation="right" fontSize={12} domain={[0, 100]} unit="%" />
              <Tooltip />
              <Legend />
              <Bar yAxisId="count" dataKey="found" name={t('found')} fill="#91caff" maxBarSize={16} />
              <Bar yAxisId="count" dataKey="handled" name={t('handled')} fill="#1677ff" maxBarSize={16} />
              <Line yAxisId="rate" dataKey="on_time_rate" name={t('onTimeRate')} stroke="#389e0d" connectNulls />
              <Line yAxisId="rate" dataKey="satisfaction_rate" name={t('satisfactionRate')} stroke="#d48806" connectNulls />
            </ComposedChart>
          </ResponsiveContainer>
        </Card>
      )}
      {weightsOpen && streetId !== null && (
        <WeightsModal streetId={streetId}
          onClose={(saved) => { setWeightsOpen(false); if (saved) void load(); }} />
      )}
    </Space>
  );
}

interface Weights { on_time: number; satisfaction: number; found: number }

function WeightsModal({ streetId, onClose }: { streetId: number; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<Weights>();
  const [saving, setSaving] = useState(false);
  // The street's weights now (a published month shows the ones it was scored by, which may be older).
  useEffect(() => {
    void supabaseClient.from('grid_assessment_weights').select('on_time, satisfaction, found').eq('street_id', streetId)
      .order('id', { ascending: false }).limit(1).then(({ data }) => { if (data?.[0]) form.setFieldsValue(data[0]); });
  }, [streetId, form]);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    const { error } = await supabaseClient.from('grid_assessment_weights')
      .insert(derived<'grid_assessment_weights', 'street_id'>({ unit_id: streetId, ...values }));
    setSaving(false);
    if (error) void message.error(toHttpError(error).message);
    else { void message.success(t('weightsSaved')); onClose(true); }
  };
  const weight = (name: keyof Weights) => (
    <Form.Item name={name} label={t(`weight.${name}`)} rules={[{ required: true, message: t('weightRequired') }]}>
      <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
    </Form.Item>
  );
  return (
    <Modal open title={t('weights')} okText={t('save')} confirmLoading={saving} onOk={() => void save()} onCancel={() => onClose(false)}>
      <Typography.Paragraph type="secondary">{t('weightsHelp')}</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 8 }} initialValues={{ on_time: 50, satisfaction: 40, found: 10 }}
        onValuesChange={() => void form.validateFields(['found']).catch(() => undefined)}>
        {weight('on_time')}
        {weight('satisfaction')}
        <Form.Item name="found" label={t('weight.found')} dependencies={['on_time', 'satisfaction']}
          rules={[{ required: true, message: t('weightRequired') }, ({ getFieldValue }) => ({
            validator: (_, value: number | null) => ((getFieldValue('on_time') ?? 0) + (getFieldValue('satisfaction') ?? 0) + (value ?? 0) > 0
              ? Promise.resolve() : Promise.reject(new Error(t('weightsZero')))),
          })]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
