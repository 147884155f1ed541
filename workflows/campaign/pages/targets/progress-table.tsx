// The targets of a campaign against today's measured counts, a milestone's rows together: due
// date, kind, grade, what the target asks for, measured (opens the units counted), how many units
// of the kind there are, and met ✓ or ✗ with the shortfall (opens the units not yet there).
import { useTranslation } from '@refinedev/core';
import { CheckCircleFilled, CloseCircleFilled, WarningOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { formatDate, type TableDensity } from '@/plugin-api';
import { dueLabel, phaseEndingOn, targetLabel, type CampaignChoice, type TargetProgress } from './model';

export interface ProgressTableProps {
  rows: TargetProgress[] | null;
  campaign: CampaignChoice | undefined;
  onDrill: (target: TargetProgress, counted: boolean) => void;
  /** an extra last column (the office's edit and delete) */
  actions?: (target: TargetProgress) => ReactNode;
  testId?: string;
  size?: TableDensity;
}

export function ProgressTable({ rows, campaign, onDrill, actions, testId = 'targets-table', size = 'small' }: ProgressTableProps) {
  const { translate } = useTranslation();
  // The due-date column spans each milestone's rows.
  const spans = useMemo(() => {
    const map = new Map<number, number>();
    const list = rows ?? [];
    for (let i = 0; i < list.length; ) {
      let j = i + 1;
      while (j < list.length && list[j]!.due_on === list[i]!.due_on) j++;
      map.set(list[i]!.id, j - i);
      for (let k = i + 1; k < j; k++) map.set(list[k]!.id, 0);
      i = j;
    }
    return map;
  }, [rows]);

  return (
    <Table<TargetProgress>
      rowKey="id"
      size={size}
      bordered
      loading={!rows}
      dataSource={rows ?? []}
      pagination={false}
      tableLayout="fixed"
      data-testid={testId}
      locale={{ emptyText: translate('targets.noTargets') }}
    >
      <Table.Column<TargetProgress>
        title={translate('targets.fields.due_on')}
        width={150}
        onCell={(r) => ({ rowSpan: spans.get(r.id) ?? 1, style: { verticalAlign: 'top' } })}
        render={(_, r) => {
          const phase = phaseEndingOn(campaign, r.due_on);
          return (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{formatDate(r.due_on)}</Typography.Text>
              {phase && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {translate('targets.phaseEnd', { phase: translate(`targets.phases.${phase}`) })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dueLabel(r.due_on)}
              </Typography.Text>
            </Space>
          );
        }}
      />
      <Table.Column<TargetProgress> title={translate('targets.fields.unit_kind')} width={96} render={(_, r) => translate(`units.kinds.${r.unit_kind}`)} />
      <Table.Column<TargetProgress>
        title={translate('targets.fields.grade')}
        width={76}
        render={(_, r) => <Tag color={r.grade === 'demonstration' ? 'red' : 'blue'}>{translate(`targets.grades.${r.grade}`)}</Tag>}
      />
      <Table.Column<TargetProgress>
        title={translate('targets.fields.target')}
        width={130}
        align="right"
        render={(_, r) => (
          <Space size={4}>
            {r.count !== null && r.count > r.total && (
              <Tooltip title={translate('targets.exceeds', { total: r.total })}>
                <WarningOutlined style={{ color: '#d48806' }} aria-label={translate('targets.exceeds', { total: r.total })} />
              </Tooltip>
            )}
            <span>{targetLabel(r)}</span>
          </Space>
        )}
      />
      <Table.Column<TargetProgress>
        title={translate('targets.fields.measured')}
        width={72}
        align="right"
        render={(_, r) => (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onDrill(r, true)} data-testid={`measured-${r.id}`}>
            {r.measured}
          </Button>
        )}
      />
      <Table.Column<TargetProgress> title={translate('targets.fields.total')} width={64} align="right" render={(_, r) => r.total} />
      <Table.Column<TargetProgress>
        title={translate('targets.fields.met')}
        width={110}
        render={(_, r) =>
          r.met ? (
            <Typography.Text type="success">
              <CheckCircleFilled /> {translate('targets.met')}
            </Typography.Text>
          ) : (
            <Button type="text" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onDrill(r, false)}>
              <CloseCircleFilled style={{ color: '#cf1322' }} /> {translate('targets.shortfall', { count: r.required - r.measured })}
            </Button>
          )
        }
      />
      <Table.Column<TargetProgress>
        title={translate('targets.fields.note')}
        ellipsis
        render={(_, r) => (r.note ? <Typography.Text type="secondary" title={r.note}>{r.note}</Typography.Text> : null)}
      />
      {actions && <Table.Column<TargetProgress> title={translate('table.actions')} width={150} render={(_, r) => actions(r)} />}
    </Table>
  );
}
