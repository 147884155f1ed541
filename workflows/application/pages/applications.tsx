// 申报情况: for the street office and reviewers, one row per community of their street(s) with
// where its application stands (or 未申报), filtered, sorted, and exported to Excel exactly as shown.
// A district office reads every street under its district: each row then names its street.
// A view of the application plugin's own (its pages.tsx), about its instances alone.
import { List } from '@refinedev/antd';
import { CanAccess, useGo, useTranslation } from '@refinedev/core';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { jsonObject, myMemberships, supabaseClient, stateLabel, fetchAll, compiledOf, useXlsxDownload, StatusTag, formatDateTime, type SelectRow } from '@/plugin-api';
import { applicationPlugin as plugin } from '../index.ts';

/** The state filter's value for communities without an application. */
const NONE = '__none__';

const APPLICATION_SELECT = 'id, community_id, version, state, done, form, updated_at';
type Application = SelectRow<'workflow_instances', typeof APPLICATION_SELECT>;

interface OverviewRow {
  key: number;
  street: string;
  community: string;
  application: Application | null;
  /** The state, or NONE. */
  state: string;
  stateText: string;
  creationType: string;
  compounds: number | null;
  updatedAt: string | null;
}

type SortKey = 'community' | 'state' | 'creationType' | 'compounds' | 'updatedAt';
interface Sort {
  key: SortKey | null;
  order: 'ascend' | 'descend' | null;
}

interface Loaded {
  rows: OverviewRow[];
  streets: string[];
}

const K = `workflows.${plugin.name}.overview`;

const collator = new Intl.Collator('zh-CN');

function Overview() {
  const { translate } = useTranslation();
  const go = useGo();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stateFilter, setStateFilter] = useState<string | undefined>();
  const [nameFilter, setNameFilter] = useState('');
  const [sort, setSort] = useState<Sort>({ key: null, order: null });
  const { exporting, download } = useXlsxDownload();

  // The machine's states in document order, then 未申报: the state column sorts by how far along.
  const states = useMemo(() => [...new Set(plugin.versions.flatMap((v) => compiledOf(plugin, v).states.map((s) => s.path)))], []);

  useEffect(() => {
    void (async () => {
      try {
        const ms = await myMemberships();
        const streetIds = [...new Set(ms.flatMap((m) =>
          m.community_id === null && (m.role === 'street_office' || m.role === 'reviewer') ? [m.street_id]
          : m.role === 'district_office' ? m.district_streets ?? [] : []))];
        if (!streetIds.length) {
          setLoaded({ rows: [], streets: [] });
          return;
        }
        const [streets, communities, applications] = await Promise.all([
          fetchAll((from, to) => supabaseClient.from('units').select('id, name').in('id', streetIds).order('id').range(from, to)),
          fetchAll((from, to) =>
            supabaseClient.from('units').select('id, name, street_id').eq('kind', 'community').in('street_id', streetIds).order('id').range(from, to),
          ),
          // Newest first: a community's first row below is its latest application.
          fetchAll((from, to) =>
            supabaseClient
              .from('workflow_instances')
              .select(APPLICATION_SELECT)
              .eq('workflow', plugin.name)
              .in('street_id', streetIds)
              .order('created_at', { ascending: false })
              .order('id', { ascending: false })
              .range(from, to),
          ),
        ]);
        const streetName = new Map(streets.map((s) => [s.id, s.name]));
        const latest = new Map<number, Application>();
        for (const a of applications) if (a.community_id !== null && !latest.has(a.community_id)) latest.set(a.community_id, a);
        const rows = communities.map((c): OverviewRow => {
          const a = latest.get(c.id) ?? null;
          const form = jsonObject(a?.form);
          const type = typeof form.creation_type === 'string' ? form.creation_type : undefined;
          return {
            key: c.id,
            street: streetName.get(c.street_id) ?? '',
            community: c.name,
            application: a,
            state: a ? a.state : NONE,
            stateText: a ? stateLabel(plugin, a.state) : translate('worklist.applications.none'),
            creationType: type ? translate(`workflows.${plugin.name}.creationTypes.${type}`, { defaultValue: type }) : '',
            compounds: a && Array.isArray(form.compound_ids) ? form.compound_ids.length : null,
            updatedAt: a?.updated_at ?? null,
          };
        });
        // The streets in order, each street's communities as before.
        const order = new Map(streets.map((s, i) => [s.id, i]));
        const streetOf = new Map(communities.map((c) => [c.id, c.street_id]));
        rows.sort((a, b) => (order.get(streetOf.get(a.key)!) ?? 0) - (order.get(streetOf.get(b.key)!) ?? 0));
        setLoaded({ rows, streets: streets.map((s) => s.name) });
      } catch (error) {
        setFailure(translate('errors.unknown', { message: (error as { message?: string }).message ?? '' }));
        setLoaded({ rows: [], streets: [] });
      }
    })();
  }, [translate]);

  // Exactly what the table shows, in its order: the export writes these rows.
  const visible = useMemo(() => {
    const name = nameFilter.trim().toLowerCase();
    const rows = (loaded?.rows ?? []).filter((r) => (!stateFilter || r.state === stateFilter) && (!name || r.community.toLowerCase().includes(name)));
    if (!sort.key || !sort.order) return rows;
    const rank = (s: string) => (s === NONE ? states.length : states.indexOf(s));
    const compare: Record<SortKey, (a: OverviewRow, b: OverviewRow) => number> = {
      community: (a, b) => collator.compare(a.community, b.community),
      state: (a, b) => rank(a.state) - rank(b.state),
      creationType: (a, b) => collator.compare(a.creationType, b.creationType),
      compounds: (a, b) => (a.compounds ?? -1) - (b.compounds ?? -1),
      updatedAt: (a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? ''),
    };
    const sign = sort.order === 'ascend' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare[sort.key!](a, b) || a.key - b.key);
  }, [loaded, stateFilter, nameFilter, sort, states]);

  const counts = useMemo(() => {
    const by = new Map<string, number>();
    for (const r of loaded?.rows ?? []) by.set(r.state, (by.get(r.state) ?? 0) + 1);
    return [...states, NONE].filter((s) => by.has(s)).map((s) => ({ state: s, count: by.get(s)! }));
  }, [loaded, states]);


  const manyStreets = (loaded?.streets.length ?? 0) > 1;
  const headers = {
    street: translate(`${K}.street`),
    community: translate('worklist.applications.fields.community'),
    state: translate('worklist.applications.fields.state'),
    creationType: translate('worklist.applications.fields.creationType'),
    compounds: translate('worklist.applications.fields.compounds'),
    updatedAt: translate('worklist.applications.fields.updatedAt'),
  };

  const exportXlsx = () =>
    download(visible, translate('worklist.applications.sheet'), [
      ...(manyStreets ? [{ header: headers.street, width: 14, cell: (r: OverviewRow) => r.street }] : []),
      { header: headers.community, width: 18, cell: (r: OverviewRow) => r.community },
      { header: headers.state, width: 12, cell: (r: OverviewRow) => r.stateText },
      { header: headers.creationType, width: 12, cell: (r: OverviewRow) => r.creationType || null },
      { header: headers.compounds, width: 10, cell: (r: OverviewRow) => r.compounds },
      { header: headers.updatedAt, width: 18, cell: (r: OverviewRow) => (r.updatedAt ? { value: formatDateTime(r.updatedAt), type: String } : null) },
    ], translate('worklist.applications.fileName', { street: loaded!.streets.join('、'), date: dayjs().format('YYYYMMDD') }));

  // A column's key goes on the element itself (React keeps keys out of spread props).
  const sortable = (key: SortKey) => ({
    sorter: true,
    sortOrder: (sort.key === key ? sort.order : null) as SortOrder,
  });

  return (
    <List
      title={translate('worklist.applications.title')}
      canCreate={false}
      headerButtons={
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} disabled={!loaded || visible.length === 0}>
          {translate('worklist.applications.export')}
        </Button>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Form layout="inline" name="overview-filters">
          <Form.Item label={headers.state} style={{ marginBottom: 0 }}>
            <Select
              allowClear
              placeholder={translate('common.all')}
              style={{ minWidth: 140 }}
              value={stateFilter}
              onChange={setStateFilter}
              options={[...states.map((s) => ({ value: s, label: stateLabel(plugin, s) })), { value: NONE, label: translate('worklist.applications.none') }]}
              data-testid="overview-state"
            />
          </Form.Item>
          <Form.Item label={headers.community} style={{ marginBottom: 0 }}>
            <Input allowClear placeholder={translate('worklist.applications.namePlaceholder')} value={nameFilter} onChange={(e) => setNameFilter(e.target.value)} style={{ width: 180 }} />
          </Form.Item>
        </Form>
        {/* How many communities stand where; a count filters the list to them. */}
        <Space size={[4, 4]} wrap data-testid="overview-counts">
          {counts.map(({ state, count }) => (
            <Tag.CheckableTag key={state} checked={stateFilter === state} onChange={(checked) => setStateFilter(checked ? state : undefined)}>
              {state === NONE ? translate('worklist.applications.none') : stateLabel(plugin, state)} {count}
            </Tag.CheckableTag>
          ))}
        </Space>
      </div>
      <Table<OverviewRow>
        rowKey="key"
        size="small"
        loading={!loaded}
        dataSource={visible}
        data-testid="overview-table"
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort({ key: (s?.order ? (s.columnKey as SortKey) : null) ?? null, order: s?.order ?? null });
        }}
        onRow={(r) => (r.application ? { onClick: () => go({ to: `/workflows/${plugin.name}/${r.application!.id}` }), style: { cursor: 'pointer' } } : {})}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => translate('common.total', { total }) }}
      >
        {manyStreets && <Table.Column<OverviewRow> key="street" dataIndex="street" title={headers.street} width={140} />}
        <Table.Column<OverviewRow> key="community" {...sortable('community')} dataIndex="community" title={headers.community} width={240} />
        <Table.Column<OverviewRow>
          key="state" {...sortable('state')}
          title={headers.state}
          width={140}
          render={(_, r) =>
            r.application ? (
              <StatusTag plugin={plugin} version={r.application.version} state={r.application.state} />
            ) : (
              <Typography.Text type="secondary">{r.stateText}</Typography.Text>
            )
          }
        />
        <Table.Column<OverviewRow> key="creationType" {...sortable('creationType')} title={headers.creationType} width={140} render={(_, r) => r.creationType || translate('common.none')} />
        <Table.Column<OverviewRow> key="compounds" {...sortable('compounds')} title={headers.compounds} width={120} align="right" render={(_, r) => r.compounds ?? translate('common.none')} />
        <Table.Column<OverviewRow>
          key="updatedAt" {...sortable('updatedAt')}
          title={headers.updatedAt}
          onHeaderCell={() => ({ style: { paddingInlineStart: 32 } })}
          onCell={() => ({ style: { paddingInlineStart: 32 } })}
          render={(_, r) => (r.updatedAt ? formatDateTime(r.updatedAt) : translate('common.none'))}
        />
      </Table>
    </List>
  );
}

export default function ApplicationsOverviewPage() {
  const { translate } = useTranslation();
  return (
    <CanAccess resource="applications-overview" action="list" fallback={<Result status="403" subTitle={translate('buttons.notAccessTitle')} />}>
      <Overview />
    </CanAccess>
  );
}
