// 评分通报: a round's results, for every street role and the communities' filers: how many units
// of each kind made which grade, and every unit with its score, grade and why it fell short,
// filtered, sorted and exported to Excel exactly as shown. The street office publishes the results
// (publish_round: the grades are computed one last time and the round's scores freeze); until
// then what others see is provisional. Row-level security keeps a filer to its community's units.
// A published full acceptance has its 推选名单 (./recommendations.tsx): the office recommends units
// graded demonstration from the table; the street's members and its district office read the list.
import { List } from '@refinedev/antd';
import { CanAccess, useTranslation } from '@refinedev/core';
import { DownloadOutlined, LikeOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, formatScore, myMemberships, scopeOf, toHttpError, supabaseClient, useXlsxDownload, xlsxScore, type Scope } from '@/plugin-api';
import {
  GRADES, KINDS, latestFullAcceptance, loadGrades, loadRounds, summarize, visibleRows,
  type Filters, type Grade, type GradeRow, type Kind, type Round, type Sort, type SortKey, type Summary,
} from './model';
import { loadRecommendations, RecommendationList, RecommendModal, type Recommendation } from './recommendations';

const GRADE_COLOR: Record<Grade, string | undefined> = { demonstration: 'red', standard: 'blue', none: undefined };

interface Loaded {
  rounds: Round[];
  streets: Map<number, string>;
  scope: Scope;
}

function Results() {
  const { translate: t } = useTranslation();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [rows, setRows] = useState<GradeRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ name: '' });
  const [sort, setSort] = useState<Sort>({ key: null, order: null });
  const { exporting, download } = useXlsxDownload();
  const [recommendations, setRecommendations] = useState<Recommendation[] | null>(null);
  const [recommending, setRecommending] = useState<GradeRow | null>(null);

  const fail = useCallback((error: unknown) => setFailure(toHttpError(error as { message?: string }).message), []);

  const reloadRounds = useCallback(async () => {
    try {
      const [{ rounds, streets }, memberships] = await Promise.all([loadRounds(), myMemberships()]);
      setLoaded({ rounds, streets, scope: scopeOf(memberships) });
    } catch (error) {
      fail(error);
      setLoaded({ rounds: [], streets: new Map(), scope: scopeOf([]) });
    }
  }, [fail]);
  useEffect(() => void reloadRounds(), [reloadRounds]);

  // The round in the address, else the newest.
  const round = loaded?.rounds.find((r) => r.id === Number(params.get('round'))) ?? loaded?.rounds[0];
  const street = round ? loaded?.streets.get(round.street_id) ?? '' : '';
  const isOffice = !!round && !!loaded?.scope.officeStreets.includes(round.street_id);
  // 择优推选: a published full acceptance has its list; the office recommends in the street's latest.
  const fullAcceptance = !!round && round.kind === 'full_acceptance' && !!round.published_at;
  const recommendOpen = fullAcceptance && isOffice && latestFullAcceptance(loaded?.rounds ?? [], round.street_id)?.id === round.id;

  const reloadRecommendations = useCallback(() => {
    if (!round || !fullAcceptance) return setRecommendations(null);
    loadRecommendations(round).then(setRecommendations).catch((error) => {
      fail(error);
      setRecommendations([]);
    });
  }, [round, fullAcceptance, fail]);
  useEffect(() => {
    setRecommendations(null);
    reloadRecommendations();
  }, [reloadRecommendations]);
  const recommended = useMemo(() => new Set((recommendations ?? []).map((r) => r.unit_id)), [recommendations]);

  useEffect(() => {
    if (!round || !loaded) return;
    setRows(null);
    loadGrades(round, loaded.scope)
      .then((r) => {
        setRows(r);
        setFailure(null);
      })
      .catch((error) => {
        fail(error);
        setRows([]);
      });
  }, [round, loaded, fail]);

  const roundName = (r: Round) => t('results.roundName', { year: r.year, kind: t(`scoring.rounds.${r.kind}`) });
  const multipleStreets = new Set(loaded?.rounds.map((r) => r.street_id)).size > 1;
  const roundLabel = (r: Round) =>
    `${multipleStreets ? `${loaded?.streets.get(r.street_id) ?? ''} · ` : ''}${roundName(r)}${r.published_at ? t('scoring.publishedTag') : ''}`;
  const gradeText = (g: Grade) => t(`scoring.${g}`);
  const reasonText = (r: GradeRow, code: string) =>
    t(`scoring.reasons.${code}`, { total: formatScore(r.total ?? 0), missing: (r.parts ?? 0) - (r.partsStandard ?? 0), of: r.parts ?? 0, demo: r.partsDemo ?? 0 });

  const visible = useMemo(() => visibleRows(rows ?? [], filters, sort), [rows, filters, sort]);
  const summary = useMemo(() => summarize(rows ?? []), [rows]);
  const communities = useMemo(() => {
    const seen = new Map<number, string>();
    for (const r of rows ?? []) if (r.communityId !== null && r.community) seen.set(r.communityId, r.community);
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [rows]);

  const headers = {
    name: t('results.fields.name'),
    kind: t('results.fields.kind'),
    community: t('results.fields.community'),
    total: t('results.fields.total'),
    grade: t('results.fields.grade'),
    reasons: t('results.fields.reasons'),
  };

  const pickRound = (id: number) => {
    setFilters({ name: '' });
    setSort({ key: null, order: null });
    setParams({ round: String(id) });
  };

  const publish = () => {
    if (!round) return;
    modal.confirm({
      title: t('results.publishConfirm', { round: roundName(round) }),
      content: t('results.publishConfirmContent'),
      okText: t('results.publish'),
      cancelText: t('buttons.cancel'),
      onOk: async () => {
        const { error } = await supabaseClient.rpc('publish_round', { p_round_id: round.id });
        if (error) return void message.error(toHttpError(error).message);
        void message.success(t('results.publishedDone'));
        await reloadRounds();
      },
    });
  };

  const exportXlsx = async () => {
    if (!round) return;
    await download(visible, t('results.sheet'), [
      { header: headers.name, width: 24, cell: (r: GradeRow) => r.name },
      { header: headers.kind, width: 10, cell: (r: GradeRow) => t(`units.kinds.${r.kind}`) },
      { header: headers.community, width: 14, cell: (r: GradeRow) => r.community || null },
      { header: headers.total, width: 10, cell: (r: GradeRow) => xlsxScore(r.total) },
      { header: headers.grade, width: 10, cell: (r: GradeRow) => gradeText(r.grade) },
      { header: headers.reasons, width: 60, cell: (r: GradeRow) => (r.reasons.length ? r.reasons.map((c) => reasonText(r, c)).join('；') : null) },
    ], t('results.fileName', { street, round: roundName(round), date: dayjs().format('YYYYMMDD') }));
  };

  const sortable = (key: SortKey) => ({ key, sorter: true, sortOrder: (sort.key === key ? sort.order : null) as SortOrder });
  // A number in the summary lists those units.
  const count = (s: Summary, grade: Grade | null, n: number) =>
    n === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Typography.Link onClick={() => setFilters({ ...filters, kind: s.kind, grade: grade ?? undefined })}>{n}</Typography.Link>
    );

  if (loaded && !loaded.rounds.length) {
    return (
      <List title={t('results.title')} canCreate={false}>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
        <Empty description={t('scoring.noRounds')} />
      </List>
    );
  }

  return (
    <List
      title={t('results.title')}
      canCreate={false}
      headerButtons={
        <Space wrap>
          <Select
            style={{ width: multipleStreets ? 340 : 240 }}
            value={round?.id}
            loading={!loaded}
            aria-label={t('scoring.round')}
            data-testid="results-round"
            onChange={pickRound}
            options={(loaded?.rounds ?? []).map((r) => ({ value: r.id, label: roundLabel(r) }))}
          />
          {round && (
            <span data-testid="results-status">
              {round.published_at ? (
                <Tag color="green">{t('results.publishedOn', { date: formatDate(round.published_at) })}</Tag>
              ) : (
                <Tag color="orange">{t('results.unpublished')}</Tag>
              )}
            </span>
          )}
          {round && isOffice && !round.published_at && (
            <Button type="primary" icon={<NotificationOutlined />} onClick={publish} disabled={!rows}>
              {t('results.publish')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} disabled={!rows || visible.length === 0}>
            {t('results.export')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {round && !round.published_at && (
        isOffice ? (
          <Alert type="info" showIcon message={t('results.officeDraft')} style={{ marginBottom: 12 }} data-testid="results-note" />
        ) : (
          <Alert type="warning" showIcon message={t('results.provisional')} description={t('results.provisionalDetail')} style={{ marginBottom: 12 }} data-testid="results-note" />
        )
      )}

      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('results.summary.title')}</Typography.Title>
      <Table<Summary>
        rowKey="kind"
        size="small"
        bordered
        pagination={false}
        loading={!rows}
        dataSource={summary}
        data-testid="results-summary"
        style={{ maxWidth: 640, marginBottom: 24 }}
        columns={[
          { title: t('results.summary.kind'), dataIndex: 'kind', render: (k: Kind) => t(`units.kinds.${k}`) },
          { title: t('results.summary.units'), dataIndex: 'units', align: 'right', width: 96, render: (n: number, s) => count(s, null, n) },
          { title: t('scoring.demonstration'), dataIndex: 'demonstration', align: 'right', width: 96, render: (n: number, s) => count(s, 'demonstration', n) },
          { title: t('scoring.standard'), dataIndex: 'standard', align: 'right', width: 96, render: (n: number, s) => count(s, 'standard', n) },
          { title: t('scoring.none'), dataIndex: 'none', align: 'right', width: 96, render: (n: number, s) => count(s, 'none', n) },
        ]}
      />

      {round && fullAcceptance && (
        <RecommendationList
          roundName={roundName(round)}
          street={street}
          recommendations={recommendations}
          isOffice={isOffice}
          open={recommendOpen}
          onChanged={reloadRecommendations}
        />
      )}

      <Form layout="inline" name="results-filters" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={headers.kind} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            value={filters.kind}
            onChange={(kind) => setFilters({ ...filters, kind })}
            options={KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            data-testid="results-kind"
          />
        </Form.Item>
        <Form.Item label={headers.grade} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            value={filters.grade}
            onChange={(grade) => setFilters({ ...filters, grade })}
            options={GRADES.map((g) => ({ value: g, label: gradeText(g) }))}
            data-testid="results-grade"
          />
        </Form.Item>
        <Form.Item label={headers.community} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('common.all')}
            style={{ width: 160 }}
            value={filters.community}
            onChange={(community) => setFilters({ ...filters, community })}
            options={communities}
            data-testid="results-community"
          />
        </Form.Item>
        <Form.Item label={headers.name} style={{ marginBottom: 0 }}>
          <Input allowClear placeholder={t('results.namePlaceholder')} value={filters.name} onChange={(e) => setFilters({ ...filters, name: e.target.value })} style={{ width: 180 }} />
        </Form.Item>
      </Form>

      <Table<GradeRow>
        rowKey="key"
        size="small"
        loading={!rows}
        dataSource={visible}
        data-testid="results-table"
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort({ key: (s?.order ? (s.columnKey as SortKey) : null) ?? null, order: s?.order ?? null });
        }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { ...sortable('name'), title: headers.name, dataIndex: 'name', width: 220 },
          { ...sortable('kind'), title: headers.kind, width: 110, render: (_, r) => t(`units.kinds.${r.kind}`) },
          { ...sortable('community'), title: headers.community, width: 140, render: (_, r) => r.community || t('common.none') },
          { ...sortable('total'), title: headers.total, width: 110, align: 'right', render: (_, r) => formatScore(r.total, t('common.none')) },
          {
            ...sortable('grade'),
            title: headers.grade,
            width: 100,
            onHeaderCell: () => ({ style: { paddingInlineStart: 24 } }),
            onCell: () => ({ style: { paddingInlineStart: 24 } }),
            render: (_, r) => <Tag color={GRADE_COLOR[r.grade]}>{gradeText(r.grade)}</Tag>,
          },
          ...(round?.published_at && round.kind !== 'self_check' ? [{
            title: t('results.review.title'),
            key: 'review',
            width: 190,
            render: (_: unknown, r: GradeRow) => {
              const review = r.review;
              if (!review) return t('common.none');
              if (review.kind === 'rectify') {
                return <Tag color={review.status === 'lapsed' ? 'red' : review.status === 'met' ? 'green' : 'orange'} data-testid={`review-${r.key}`}>
                  {t(`results.review.${review.status}`, { deadline: formatDate(review.deadline) })}
                </Tag>;
              }
              return <Tag color="blue" data-testid={`review-${r.key}`}>{t(`results.review.${review.kind}`, { grade: gradeText(review.grade as Grade) })}</Tag>;
            },
          }] : []),
          ...(fullAcceptance ? [{
            title: t('workflows.campaign.recommend.column'),
            key: 'recommend',
            width: 110,
            render: (_: unknown, r: GradeRow) =>
              recommended.has(r.key) ? (
                <Tag color="gold" data-testid={`recommended-${r.key}`}>{t('workflows.campaign.recommend.recommended')}</Tag>
              ) : recommendOpen && r.grade === 'demonstration' && recommendations ? (
                <Button size="small" icon={<LikeOutlined />} onClick={() => setRecommending(r)} data-testid={`recommend-${r.key}`}>
                  {t('workflows.campaign.recommend.action')}
                </Button>
              ) : null,
          }] : []),
          {
            title: headers.reasons,
            key: 'reasons',
            render: (_, r) =>
              r.reasons.length ? (
                <Space direction="vertical" size={0}>
                  {r.reasons.map((c) => <Typography.Text key={c}>{reasonText(r, c)}</Typography.Text>)}
                </Space>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
      {recommending && (
        <RecommendModal
          row={recommending}
          onClose={() => setRecommending(null)}
          onDone={() => {
            setRecommending(null);
            reloadRecommendations();
          }}
        />
      )}
    </List>
  );
}

export default function ResultsPage() {
  const { translate } = useTranslation();
  return (
    <CanAccess resource="results" action="list" fallback={<Result status="403" subTitle={translate('buttons.notAccessTitle')} />}>
      <Results />
    </CanAccess>
  );
}
