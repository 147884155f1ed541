// 治理态势: what is open in the street (or the caller's community or grid) — by step, by category
// and down the grid tree, what is overdue, and this month beside last — from
// public.grid_dashboard, read as the caller. Every figure opens the ledger filtered to it.
import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { i18n, stateLabel, supabaseClient, toHttpError } from '@/plugin-api';
import { gridGovernancePlugin as plugin } from '../index.ts';
import { gridScopeOf } from './scope';
import { myStreets, type StreetOption } from './streets';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.dashboard.${key}`, options);

interface Counts { open: number; overdue: number }
interface UnitCount extends Counts { unit_id: number; parent_id: number | null; name: string; kind: string }
export interface Dashboard extends Counts {
  by_state: (Counts & { state: string })[];
  by_category: (Counts & { category: string })[];
  by_unit: UnitCount[];
  months: Record<'reported' | 'reported_last' | 'resolved' | 'resolved_last' | 'closed' | 'closed_last' | 'reopened' | 'reopened_last', number>;
}
type TreeRow = UnitCount & { children?: TreeRow[] };

/** The units as a tree (a unit whose parent is not among them is a root), most open first. */
export function unitTree(units: UnitCount[]): TreeRow[] {
  const byId = new Map<number, TreeRow>(units.map((u) => [u.unit_id, { ...u }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  const sort = (rows: TreeRow[]) => {
    rows.sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'));
    for (const r of rows) if (r.children) sort(r.children);
  };
  sort(roots);
  return roots;
}

export default function DashboardPage() {
  const navigate = useNavigate();
  const [streets, setStreets] = useState<StreetOption[] | null>(null);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void myStreets().then((list) => {
      setStreets(list);
      setStreetId(list[0]?.id ?? null);
    }, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (streetId === null) return;
    let live = true;
    setData(null);
    void (async () => {
      const own = await gridScopeOf(streetId);
      const { data: answer, error: failed } = await supabaseClient.rpc('grid_dashboard', {
        p_street_id: streetId, p_community_id: own.communityId, p_unit_id: own.unitId,
      });
      if (!live) return;
      if (failed) setError(toHttpError(failed).message);
      else { setError(null); setData(answer as unknown as Dashboard); }
    })();
    return () => { live = false; };
  }, [streetId]);

  // The ledger, filtered to what was clicked (and to the street when there is a choice of streets).
  const drill = (filters: Record<string, string>) => {
    const params = new URLSearchParams({ ...(streets && streets.length > 1 && streetId ? { street: String(streetId) } : {}), ...filters });
    navigate(`/grid-events?${params}`);
  };
  const tree = useMemo(() => unitTree(data?.by_unit ?? []), [data]);
  const byState = useMemo(() => (data?.by_state ?? []).map((s) => ({ ...s, label: stateLabel(plugin, s.state), inTime: s.open - s.overdue })), [data]);
  const byCategory = useMemo(() => (data?.by_category ?? []).map((c) => ({ ...c, label: c.category || t('noCategory'), inTime: c.open - c.overdue })), [data]);
  const month = (key: 'reported' | 'resolved' | 'closed' | 'reopened', filters?: Record<string, string>) => (
    <Col xs={12} sm={8} lg={4} key={key}>
      <Card size="small" hoverable={!!filters} onClick={filters ? () => drill(filters) : undefined} data-testid={`grid-dashboard-${key}`}>
        <Statistic title={t(key)} value={data?.months[key] ?? 0} />
        <Typography.Text type="secondary">{t('lastMonth', { count: data?.months[`${key}_last`] ?? 0 })}</Typography.Text>
      </Card>
    </Col>
  );
  const monthStart = new Date();
  const firstDay = `${monthStart.getFullYear()}-${String(monthStart.getMonth() + 1).padStart(2, '0')}-01`;
  const chartHeight = (n: number) => Math.max(160, 36 * n + 40);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={error} />}
      <Card size="small" title={t('title')} loading={data === null && !error} extra={streets && streets.length > 1 && (
        <Select aria-label={t('street')} style={{ width: 180 }} value={streetId ?? undefined}
          options={streets.map((s) => ({ value: s.id, label: s.name }))} onChange={setStreetId} />
      )}>
        <Row gutter={[12, 12]}>
          <Col xs={12} sm={8} lg={4}>
            <Card size="small" hoverable onClick={() => drill({ open: 'open' })} data-testid="grid-dashboard-open">
              <Statistic title={t('open')} value={data?.open ?? 0} />
              <Typography.Text type="secondary">{t('drill')}</Typography.Text>
            </Card>
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Card size="small" hoverable onClick={() => drill({ overdue: '1' })} data-testid="grid-dashboard-overdue">
              <Statistic title={t('overdue')} value={data?.overdue ?? 0} valueStyle={data?.overdue ? { color: '#cf1322' } : undefined} />
              <Typography.Text type="secondary">{t('drill')}</Typography.Text>
            </Card>
          </Col>
          {month('reported', { from: firstDay })}
          {month('resolved')}
          {month('closed')}
          {month('reopened')}
        </Row>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byState')}>
            {byState.length === 0 ? <Empty description={t('empty')} /> : (
              <ResponsiveContainer width="100%" height={chartHeight(byState.length)}>
                <BarChart data={byState} layout="vertical" margin={{ left: 24, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={90} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="inTime" name={t('openShort')} stackId="n" fill="#1677ff" cursor="pointer" onClick={(bar) => drill({ state: (bar.payload as { state: string }).state, open: 'open' })} />
                  <Bar dataKey="overdue" name={t('overdueShort')} stackId="n" fill="#cf1322" cursor="pointer" onClick={(bar) => drill({ state: (bar.payload as { state: string }).state, overdue: '1' })} />
                </BarChart>
              </ResponsiveContainer>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byCategory')}>
            {byCategory.length === 0 ? <Empty description={t('empty')} /> : (
              <ResponsiveContainer width="100%" height={chartHeight(byCategory.length)}>
                <BarChart data={byCategory} layout="vertical" margin={{ left: 24, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={90} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="inTime" name={t('openShort')} stackId="n" fill="#1677ff" cursor="pointer" onClick={(bar) => drill({ category: (bar.payload as { category: string }).category, open: 'open' })} />
                  <Bar dataKey="overdue" name={t('overdueShort')} stackId="n" fill="#cf1322" cursor="pointer" onClick={(bar) => drill({ category: (bar.payload as { category: string }).category, overdue: '1' })} />
                </BarChart>
              </ResponsiveContainer>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('byUnit')}>
        <Table<TreeRow>
          rowKey="unit_id"
          size="small"
          pagination={false}
          dataSource={tree}
          expandable={{ defaultExpandAllRows: tree.length <= 3 }}
          key={tree.length}
          onRow={(r) => ({
            onClick: () => drill(r.kind === 'community' ? { community: String(r.unit_id), open: 'open' } : { unit: String(r.unit_id), open: 'open' }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('unit'), dataIndex: 'name' },
            { title: t('level'), dataIndex: 'kind', width: 100, render: (k: string) => t(`kinds.${k}`) },
            { title: t('openShort'), dataIndex: 'open', width: 90, align: 'right' },
            {
              title: t('overdueShort'), dataIndex: 'overdue', width: 90, align: 'right',
              render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
