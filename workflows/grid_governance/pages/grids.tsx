// 网格: the grid tree the caller reads (public.grid_overview: a street all of its grids, a
// community its own, grid staff the tree under their grids), each unit with its households,
// people, staff and open events, and the coverage check: households in no micro-grid,
// micro-grids without a worker, micro-grids outside 10–15 households. The street's office imports
// grids and staff from rosters here (./import.tsx).
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { i18n, myMemberships, supabaseClient, type FunctionRow } from '@/plugin-api';
import { RosterImport } from './import';
import { myStreets, type StreetOption } from './streets';

type OverviewRow = FunctionRow<'grid_overview'>;
interface TreeRow extends OverviewRow { level: number; children?: TreeRow[] }

const MIN_HOUSEHOLDS = 10;
const MAX_HOUSEHOLDS = 15;

/** The rows as a tree under their communities (or the caller's top grids), each grid with its level. */
export function toTree(rows: OverviewRow[]): TreeRow[] {
  const byId = new Map<number, TreeRow>(rows.map((r) => [r.unit_id, { ...r, level: 0 }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  const setLevel = (row: TreeRow, level: number) => {
    row.level = row.kind === 'grid' ? level : 0;
    for (const child of row.children ?? []) setLevel(child, row.kind === 'grid' ? level + 1 : 1);
  };
  for (const root of roots) setLevel(root, root.kind === 'grid' ? 1 : 0);
  return roots;
}

export default function GridsPage() {
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.tree.${key}`, options);
  const [streets, setStreets] = useState<StreetOption[] | null>(null);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [rows, setRows] = useState<OverviewRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // (the street's office makes units and invites people: the grids and staff rosters are its own)
  const [isOffice, setIsOffice] = useState(false);
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    void myStreets().then((list) => {
      setStreets(list);
      setStreetId(list[0]?.id ?? null);
    }, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (streetId !== null) void myMemberships().then((ms) => setIsOffice(ms.some((m) => m.role === 'street_office' && m.street_id === streetId && m.community_id === null)));
  }, [streetId]);
  useEffect(() => {
    if (streetId === null) return;
    setRows(null);
    void supabaseClient.rpc('grid_overview', { p_street_id: streetId }).then(({ data, error: failed }) => {
      if (failed) setError(failed.message);
      else setRows(data);
    });
  }, [streetId, loaded]);

  const tree = useMemo(() => toTree(rows ?? []), [rows]);
  const microGrids = (rows ?? []).filter((r) => r.kind === 'micro_grid');
  const unplaced = (rows ?? []).filter((r) => r.kind !== 'micro_grid').reduce((n, r) => n + Number(r.direct_households), 0);
  const noWorker = microGrids.filter((r) => Number(r.staff) === 0);
  const sizeOff = microGrids.filter((r) => Number(r.households) < MIN_HOUSEHOLDS || Number(r.households) > MAX_HOUSEHOLDS);
  const covered = rows !== null && unplaced === 0 && noWorker.length === 0 && sizeOff.length === 0;

  const kindLabel = (row: TreeRow) =>
    row.kind === 'grid' ? t('level', { level: ['', '一', '二', '三', '四', '五'][row.level] ?? row.level })
      : row.kind === 'community' ? t('community') : i18n.t(`workflows.grid_governance.unitKinds.${row.kind}`);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={error} />}
      <Card
        size="small"
        title={t('title')}
        extra={(
          <Space wrap>
            {isOffice && streetId !== null && (['grids', 'staff'] as const).map((kind) => (
              <RosterImport key={kind} kind={kind} streetId={streetId} onDone={() => setLoaded((n) => n + 1)} />
            ))}
            {streets && streets.length > 1 && (
              <Select
                aria-label={t('street')}
                style={{ width: 200 }}
                value={streetId ?? undefined}
                options={streets.map((s) => ({ value: s.id, label: s.name }))}
                onChange={setStreetId}
              />
            )}
          </Space>
        )}
      >
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}><Statistic title={t('households')} value={tree.reduce((n, r) => n + Number(r.households), 0)} /></Col>
          <Col xs={12} md={6}><Statistic title={t('people')} value={tree.reduce((n, r) => n + Number(r.people), 0)} /></Col>
          <Col xs={12} md={6}><Statistic title={i18n.t('workflows.grid_governance.unitKinds.micro_grid')} value={microGrids.length} /></Col>
          <Col xs={12} md={6}><Statistic title={t('openEvents')} value={tree.reduce((n, r) => n + Number(r.open_events), 0)} /></Col>
        </Row>
        <Table<TreeRow>
          rowKey="unit_id"
          size="small"
          loading={rows === null && !error}
          dataSource={tree}
          pagination={false}
          expandable={{ defaultExpandAllRows: false }}
          locale={{ emptyText: t('empty') }}
          data-testid="grid-tree"
          scroll={{ x: 640 }}
          columns={[
            { title: t('name'), dataIndex: 'name', render: (name: string, row) => (
              <Space size={4} wrap>
                <span>{name}</span>
                {row.kind === 'micro_grid' && Number(row.staff) === 0 && <Tag color="red">{t('noWorker')}</Tag>}
                {row.kind === 'micro_grid' && (Number(row.households) < MIN_HOUSEHOLDS || Number(row.households) > MAX_HOUSEHOLDS) && (
                  <Tag color="orange">{t('householdsN', { count: Number(row.households) })}</Tag>
                )}
              </Space>
            ) },
            { title: t('kind'), key: 'kind', width: 110, render: (_, row) => kindLabel(row) },
            { title: t('households'), dataIndex: 'households', width: 90, align: 'right' },
            { title: t('people'), dataIndex: 'people', width: 90, align: 'right' },
            { title: t('staff'), dataIndex: 'staff', width: 90, align: 'right' },
            { title: t('openEvents'), dataIndex: 'open_events', width: 90, align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t('coverage')} data-testid="grid-coverage">
        {rows !== null && (covered ? <Alert type="success" showIcon message={t('allCovered')} /> : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type={unplaced ? 'danger' : 'secondary'}>{t('unplaced')}：{t('householdsN', { count: unplaced })}</Typography.Text>
            <Typography.Text type={noWorker.length ? 'danger' : 'secondary'}>
              {t('noWorker')}：{noWorker.length ? noWorker.map((r) => r.name).join('、') : t('units', { count: 0 })}
            </Typography.Text>
            <Typography.Text type={sizeOff.length ? 'warning' : 'secondary'}>
              {t('sizeOff')}：{sizeOff.length ? sizeOff.map((r) => `${r.name}（${r.households} 户）`).join('、') : t('units', { count: 0 })}
            </Typography.Text>
          </Space>
        ))}
      </Card>
    </Space>
  );
}
