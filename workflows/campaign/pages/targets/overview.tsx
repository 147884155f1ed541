// 行动目标完成情况, the targets page's card on the 工作台 (its dashboardCard, ../../pages.tsx), for
// the street roles: a chart per milestone (targets against
// today's measured counts by kind × grade) and the table of every target; a number opens the
// units behind it. The chart library loads with the chart, after the numbers are in.
import { useTranslation } from '@refinedev/core';
import { Link } from 'react-router';
import { Alert, Card, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { formatDate } from '@/plugin-api';
import { ProgressTable } from './progress-table';
import {
  defaultCampaign, dueLabel, fetchProgress, milestones, phaseEndingOn, streetCampaigns,
  type CampaignChoice, type TargetProgress,
} from './model';
import { CHART_COLORS } from './chart-colors';

const MilestoneChart = lazy(() => import('./overview-chart'));
const TargetUnitsDrawer = lazy(() => import('./units-drawer'));

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Space size={4} style={{ fontSize: 12, color: '#595959' }}>
      <span style={{ display: 'inline-block', width: 10, height: 10, background: color, borderRadius: 2 }} />
      {label}
    </Space>
  );
}

export default function TargetsOverview() {
  const { translate } = useTranslation();
  const [choices, setChoices] = useState<{ campaigns: CampaignChoice[]; officeStreets: number[]; streets: number[] } | null>(null);
  const [campaignId, setCampaignId] = useState<number>();
  const [rows, setRows] = useState<TargetProgress[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ target: TargetProgress; counted: boolean } | null>(null);

  useEffect(() => {
    streetCampaigns()
      .then((c) => {
        setChoices(c);
        setCampaignId((id) => id ?? defaultCampaign(c.campaigns, c.officeStreets)?.id);
      })
      .catch((error: { message?: string }) => setFailure(translate('errors.unknown', { message: error.message ?? '' })));
  }, [translate]);

  useEffect(() => {
    if (!campaignId) return;
    let live = true;
    setRows(null);
    fetchProgress(campaignId)
      .then((r) => live && (setRows(r), setFailure(null)))
      .catch((error: { message?: string }) => live && (setFailure(translate('errors.unknown', { message: error.message ?? '' })), setRows([])));
    return () => {
      live = false;
    };
  }, [campaignId, translate]);

  const campaign = choices?.campaigns.find((c) => c.id === campaignId);
  const groups = useMemo(() => milestones(rows ?? []), [rows]);
  // Community roles only: nothing of a street's targets to show here.
  if (choices && choices.streets.length === 0) return null;
  if (choices && choices.campaigns.length === 0) return null;

  const met = (rows ?? []).filter((r) => r.met).length;
  // One height for every milestone's chart, so they line up.
  const chartHeight = 36 + Math.max(0, ...groups.map((g) => g.rows.length)) * 30;
  const isOffice = !!campaign && !!choices?.officeStreets.includes(campaign.street_id);
  const onDrill = (target: TargetProgress, counted: boolean) => setDrill({ target, counted });

  return (
    <Card
      size="small"
      data-testid="targets-overview"
      title={
        <Space size={12}>
          <span>{translate('targets.progressTitle')}</span>
          {rows && rows.length > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }} data-testid="targets-summary">
              {translate('targets.summary', { met, total: rows.length })}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Space size={12}>
          {choices && choices.campaigns.length > 1 && (
            <Select
              size="small"
              style={{ minWidth: 280 }}
              value={campaignId}
              onChange={setCampaignId}
              options={choices.campaigns.map((c) => ({ value: c.id, label: c.name }))}
              aria-label={translate('targets.campaign')}
            />
          )}
          {choices && choices.campaigns.length === 1 && <Typography.Text type="secondary">{campaign?.name}</Typography.Text>}
          <Link to="/targets">{translate(isOffice ? 'targets.manage' : 'targets.viewAll')}</Link>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {!rows ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{translate('targets.noTargets')}</Typography.Text>
      ) : (
        <>
          <Space size={16} style={{ marginBottom: 8 }} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {translate('targets.progressHint')}
            </Typography.Text>
            <Swatch color={CHART_COLORS.target} label={translate('targets.chart.target')} />
            <Swatch color={CHART_COLORS.met} label={translate('targets.chart.measuredMet')} />
            <Swatch color={CHART_COLORS.notMet} label={translate('targets.chart.measuredNotMet')} />
          </Space>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="targets-charts">
            {groups.map((g) => {
              const phase = phaseEndingOn(campaign, g.due_on);
              const groupMet = g.rows.filter((r) => r.met).length;
              return (
                <Col key={g.due_on} xs={24} lg={groups.length >= 3 ? 8 : 24 / groups.length}>
                  <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 8px 4px' }} data-testid="milestone-chart">
                    <Space size={8} style={{ marginBottom: 4, paddingLeft: 4 }} wrap>
                      <Typography.Text strong>{translate('targets.milestone', { date: formatDate(g.due_on) })}</Typography.Text>
                      {phase && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {translate('targets.phaseEnd', { phase: translate(`targets.phases.${phase}`) })}
                        </Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dueLabel(g.due_on)}
                      </Typography.Text>
                      <Typography.Text type={groupMet === g.rows.length ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
                        {translate('targets.milestoneSummary', { met: groupMet, total: g.rows.length })}
                      </Typography.Text>
                    </Space>
                    <Suspense fallback={<div style={{ height: chartHeight }} />}>
                      <MilestoneChart rows={g.rows} height={chartHeight} onDrill={onDrill} />
                    </Suspense>
                  </div>
                </Col>
              );
            })}
          </Row>
          <ProgressTable rows={rows} campaign={campaign} onDrill={onDrill} />
        </>
      )}
      {drill && (
        <Suspense>
          <TargetUnitsDrawer key={`${drill.target.id}-${drill.counted}`} target={drill.target} initialCounted={drill.counted} onClose={() => setDrill(null)} />
        </Suspense>
      )}
    </Card>
  );
}
