// 民情事件台账: the street's events, newest first, filtered by grid, step, category, urgency,
// open or ended, overdue and the days reported (public.grid_events, read as the caller). The
// filters live in the address, so the dashboard's drill-down is a link and a refresh keeps them.
// On a phone (a grid worker in the street) the filters fold behind a button and each event is a
// card: what, where, when, the step and its deadline, without scrolling sideways.
import { FilterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Grid, List, Pagination, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  compiledOf, formatDateTime, formatDeadline, i18n, StatusTag, stateLabel, supabaseClient, toHttpError, TableToolbar, useTableSettings,
  type FunctionRow,
} from '@/plugin-api';
import { gridGovernancePlugin as plugin } from '../index.ts';
import { URGENCIES } from '../form.ts';
import { gridScopeOf } from './scope';
import { myStreets, type StreetOption } from './streets';

type EventRow = FunctionRow<'grid_events'>;
const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.ledger.${key}`, options);
const PAGE_SIZE = 50;
const URGENCY_COLOR = { normal: 'default', urgent: 'orange', critical: 'red' } as const;

export default function EventsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [streets, setStreets] = useState<StreetOption[] | null>(null);
  const [units, setUnits] = useState<{ id: number; name: string; kind: string }[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [rows, setRows] = useState<EventRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const states = useMemo(() => [...new Set(plugin.versions.flatMap((v) => compiledOf(plugin, v).states.map((s) => s.path)))], []);
  const phone = !Grid.useBreakpoint().sm;
  const [filtersShown, setFiltersShown] = useState(false);
  const settings = useTableSettings('grid_governance.ledger', useMemo(() => ['community', 'deadline'].map((key) => ({ key, title: t(key) })), []));

  const streetId = Number(params.get('street')) || streets?.[0]?.id || null;
  const filter = (name: string) => params.get(name) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    void myStreets().then(setStreets, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (streetId === null) return;
    void supabaseClient.from('units').select('id, name, kind').eq('street_id', streetId).in('kind', ['grid', 'micro_grid']).order('id')
      .then(({ data }) => setUnits(data ?? []));
    void supabaseClient.from('grid_lists').select('label').eq('street_id', streetId).eq('list', 'event_category').order('position')
      .then(({ data }) => setCategories([...new Set((data ?? []).map((r) => r.label))]));
  }, [streetId]);
  const query = params.toString();
  useEffect(() => {
    if (streetId === null) return;
    let live = true;
    setRows(null);
    void (async () => {
      // (a grid worker's and a community's screens open on their own part of the street)
      const scope = await gridScopeOf(streetId);
      const unit = Number(params.get('unit')) || scope.unitId;
      const { data, error: failed } = await supabaseClient.rpc('grid_events', {
        p_street_id: streetId,
        p_community_id: Number(params.get('community')) || scope.communityId,
        p_unit_id: unit,
        p_state: filter('state'),
        p_category: filter('category'),
        p_urgency: filter('urgency'),
        p_open: params.get('open') ? params.get('open') === 'open' : undefined,
        p_overdue: params.get('overdue') === '1' ? true : undefined,
        p_from: filter('from'),
        p_to: params.get('to') ? dayjs(params.get('to')).add(1, 'day').format('YYYY-MM-DD') : undefined,
        p_offset: (page - 1) * PAGE_SIZE,
        p_limit: PAGE_SIZE,
      });
      if (!live) return;
      if (failed) setError(toHttpError(failed).message);
      else { setError(null); setRows(data); }
    })();
    return () => { live = false; };
    // (the address is the query: every filter is in it)
  }, [streetId, query, reload]);

  const total = rows?.[0]?.total ?? 0;
  const range = params.get('from') && params.get('to') ? [dayjs(params.get('from')), dayjs(params.get('to'))] as [dayjs.Dayjs, dayjs.Dayjs] : null;
  const open = (id: number) => navigate(`/workflows/grid_governance/${id}`);
  const filtersOn = ['unit', 'state', 'category', 'urgency', 'open', 'from', 'overdue'].filter((k) => params.get(k)).length;
  const pagination = {
    current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false,
    showTotal: (n: number) => t('total', { total: n }), onChange: (p: number) => set({ page: String(p) }),
  };
  const urgencyTag = (v: keyof typeof URGENCY_COLOR | null) => v && <Tag color={URGENCY_COLOR[v]}>{i18n.t(`workflows.grid_governance.options.urgency.${v}`)}</Tag>;
  const deadline = (r: EventRow) => r.deadline_at && (
    <Space size={4}>
      <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDeadline(r.deadline_at)}</Typography.Text>
      {r.overdue && <Tag color="error">{t('overdue')}</Tag>}
    </Space>
  );
  // (a phone's filters stack, each the screen's width)
  const wide = (width: number) => (phone ? { width: '100%' } : { width });

  return (
    <Card size="small" title={t('title')} extra={<TableToolbar settings={settings} onRefresh={() => setReload((n) => n + 1)} refreshing={rows === null} />}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {phone && (
        <Button icon={<FilterOutlined />} style={{ marginBottom: 12 }} type={filtersOn ? 'primary' : 'default'} ghost={!!filtersOn}
          aria-expanded={filtersShown} onClick={() => setFiltersShown((v) => !v)}>
          {filtersOn ? t('filtersOn', { count: filtersOn }) : t('filters')}
        </Button>
      )}
      {(!phone || filtersShown) && <Form layout={phone ? 'horizontal' : 'inline'} labelCol={phone ? { span: 7 } : undefined} name="ledger-filters"
        style={{ marginBottom: 12, rowGap: 8 }}>
        {streets && streets.length > 1 && (
          <Form.Item label={i18n.t('workflows.grid_governance.dashboard.street')}>
            <Select style={wide(160)} value={streetId ?? undefined} options={streets.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(v: number) => set({ street: String(v), community: undefined, unit: undefined, category: undefined })} />
          </Form.Item>
        )}
        <Form.Item label={t('unit')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('all')} style={wide(200)}
            value={Number(params.get('unit')) || undefined}
            options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v?: number) => set({ unit: v ? String(v) : undefined })} />
        </Form.Item>
        <Form.Item label={t('state')}>
          <Select allowClear placeholder={t('all')} style={wide(140)} value={filter('state')}
            options={states.map((s) => ({ value: s, label: stateLabel(plugin, s) }))} onChange={(v?: string) => set({ state: v })} />
        </Form.Item>
        <Form.Item label={t('category')}>
          <Select allowClear placeholder={t('all')} style={wide(130)} value={filter('category')}
            options={categories.map((c) => ({ value: c, label: c }))} onChange={(v?: string) => set({ category: v })} />
        </Form.Item>
        <Form.Item label={t('urgency')}>
          <Select allowClear placeholder={t('all')} style={wide(100)} value={filter('urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: i18n.t(`workflows.grid_governance.options.urgency.${u}`) }))} onChange={(v?: string) => set({ urgency: v })} />
        </Form.Item>
        <Form.Item label={t('open')}>
          <Select allowClear placeholder={t('all')} style={wide(100)} value={filter('open')}
            options={(['open', 'done'] as const).map((o) => ({ value: o, label: t(`openOptions.${o}`) }))} onChange={(v?: string) => set({ open: v })} />
        </Form.Item>
        <Form.Item label={t('period')}>
          <DatePicker.RangePicker value={range} allowEmpty={[true, true]} style={phone ? { width: '100%' } : undefined}
            onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={params.get('overdue') === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}>{t('overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button onClick={() => setParams(streetId && params.get('street') ? { street: String(streetId) } : {}, { replace: true })}>{t('reset')}</Button>
        </Form.Item>
      </Form>}
      {phone ? (
        <>
          <List<EventRow>
            loading={rows === null}
            dataSource={rows ?? []}
            rowKey="id"
            renderItem={(r) => (
              <List.Item onClick={() => open(r.id)} style={{ cursor: 'pointer', display: 'block' }} data-testid="ledger-card">
                <Space size={4} wrap style={{ marginBottom: 4 }}>
                  <StatusTag plugin={plugin} version={r.version} state={r.state} />
                  {r.category && <Tag>{r.category}</Tag>}
                  {r.urgency !== 'normal' && urgencyTag(r.urgency as keyof typeof URGENCY_COLOR | null)}
                </Space>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>{r.description}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[r.subject_name, r.location, t('reportedBy', { at: formatDateTime(r.created_at) })].filter(Boolean).join(' · ')}
                </Typography.Text>
                {r.deadline_at && <div style={{ fontSize: 12 }}>{t('deadline')}：{deadline(r)}</div>}
              </List.Item>
            )}
          />
          {total > 0 && <Pagination size="small" style={{ marginTop: 12, textAlign: 'center' }} simple {...pagination} />}
        </>
      ) : <Table<EventRow>
        rowKey="id"
        size={settings.size}
        loading={rows === null}
        dataSource={rows ?? []}
        scroll={{ x: 1240 }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        pagination={pagination}
        columns={[
          { title: t('reportedAt'), dataIndex: 'created_at', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('category'), dataIndex: 'category', width: 90 },
          {
            title: t('description'), dataIndex: 'description', ellipsis: true,
            render: (v: string | null, r) => <Tooltip title={r.location}><span>{v}</span></Tooltip>,
          },
          { title: t('grid'), dataIndex: 'subject_name', width: 150, ellipsis: true },
          ...(settings.visible('community') ? [{ title: t('community'), dataIndex: 'community_name', width: 100 } as const] : []),
          { title: t('urgency'), dataIndex: 'urgency', width: 80, render: urgencyTag },
          { title: t('state'), dataIndex: 'state', width: 110, render: (s: string, r) => <StatusTag plugin={plugin} version={r.version} state={s} /> },
          ...(settings.visible('deadline') ? [{ title: t('deadline'), dataIndex: 'deadline_at', width: 190, render: (_: unknown, r: EventRow) => deadline(r) }] : []),
        ]}
      />}
    </Card>
  );
}
