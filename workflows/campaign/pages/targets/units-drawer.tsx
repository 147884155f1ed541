// The units behind a target's number: those counted (at the target's grade now) and those not
// yet there, each with its latest total, grade and why it is not (yet) at the grade; a page at a
// time from target_units().
import { useTranslation } from '@refinedev/core';
import { Alert, Descriptions, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatDate } from '@/plugin-api';
import { fetchTargetUnits, kindGradeLabel, targetLabel, type TargetProgress, type TargetUnit } from './model';

const PAGE_SIZE = 20;

export function GradeTag({ unit }: { unit: Pick<TargetUnit, 'standard' | 'demonstration' | 'round_id'> }) {
  const { translate } = useTranslation();
  if (unit.round_id === null) return <Tag>{translate('targets.units.notScored')}</Tag>;
  if (unit.demonstration) return <Tag color="red">{translate('targets.grades.demonstration')}</Tag>;
  if (unit.standard) return <Tag color="blue">{translate('targets.grades.standard')}</Tag>;
  return <Tag color="orange">{translate('targets.units.belowStandard')}</Tag>;
}

export default function TargetUnitsDrawer({ target, initialCounted, onClose }: { target: TargetProgress; initialCounted: boolean; onClose: () => void }) {
  const { translate } = useTranslation();
  const [counted, setCounted] = useState(initialCounted);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: TargetUnit[]; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const notYet = target.total - target.measured;

  useEffect(() => {
    let live = true;
    setData(null);
    fetchTargetUnits(target.id, counted, page, PAGE_SIZE)
      .then((d) => live && (setData(d), setFailure(null)))
      .catch((error: { message?: string }) => live && (setFailure(translate('errors.unknown', { message: error.message ?? '' })), setData({ rows: [], total: 0 })));
    return () => {
      live = false;
    };
  }, [target.id, counted, page, translate]);

  const label = kindGradeLabel(target.unit_kind, target.grade);
  return (
    <Drawer
      open
      width={760}
      onClose={onClose}
      title={translate('targets.units.title', { label, date: formatDate(target.due_on) })}
      data-testid="target-units"
      styles={{ body: { paddingTop: 12 } }}
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={translate('targets.fields.target')}>{targetLabel(target)}</Descriptions.Item>
        <Descriptions.Item label={translate('targets.fields.measured')}>{translate('targets.amount.count', { count: target.measured })}</Descriptions.Item>
        <Descriptions.Item label={translate('targets.fields.total')}>{translate('targets.amount.count', { count: target.total })}</Descriptions.Item>
        <Descriptions.Item label={translate('targets.fields.met')}>
          {target.met ? (
            <Typography.Text type="success">{translate('targets.met')}</Typography.Text>
          ) : (
            <Typography.Text type="danger">{translate('targets.shortfall', { count: target.required - target.measured })}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {translate(target.grade === 'demonstration' ? 'targets.units.ruleDemonstration' : 'targets.units.ruleStandard')}
      </Typography.Paragraph>
      <Segmented
        value={counted ? 'counted' : 'notYet'}
        onChange={(v) => {
          setCounted(v === 'counted');
          setPage(1);
        }}
        options={[
          { value: 'counted', label: translate('targets.units.counted', { count: target.measured }) },
          { value: 'notYet', label: translate('targets.units.notYet', { count: notYet }) },
        ]}
        style={{ marginBottom: 8 }}
        data-testid="target-units-switch"
      />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 8 }} />}
      <Table<TargetUnit>
        rowKey="unit_id"
        size="small"
        bordered
        loading={!data}
        dataSource={data?.rows ?? []}
        data-testid="target-units-table"
        locale={{ emptyText: translate(counted ? 'targets.units.noneCounted' : 'targets.units.noneLeft') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
          size: 'small',
          showTotal: (total) => translate('common.total', { total }),
        }}
      >
        <Table.Column<TargetUnit> title={translate('targets.units.name')} width={150} render={(_, u) => u.name} />
        {target.unit_kind !== 'street' && target.unit_kind !== 'community' && (
          <Table.Column<TargetUnit> title={translate('targets.units.community')} width={110} render={(_, u) => u.community_name ?? translate('targets.units.streetLevel')} />
        )}
        <Table.Column<TargetUnit>
          title={translate('targets.units.total')}
          width={72}
          align="right"
          render={(_, u) => (u.total === null ? translate('common.none') : u.total.toFixed(1))}
        />
        <Table.Column<TargetUnit> title={translate('targets.units.grade')} width={86} render={(_, u) => <GradeTag unit={u} />} />
        {!counted && (
          <Table.Column<TargetUnit>
            title={translate('targets.units.reasons')}
            render={(_, u) => (
              <Space size={[0, 4]} wrap>
                {u.reasons
                  // what stands between the unit and the target's grade
                  .filter((r) => target.grade === 'demonstration' || ['notScored', 'below75', 'partsNotStandard'].includes(r))
                  .map((r) => (
                    <Tag key={r} bordered={false}>
                      {translate(`targets.reasons.${r}`)}
                    </Tag>
                  ))}
              </Space>
            )}
          />
        )}
        <Table.Column<TargetUnit>
          title={translate('targets.units.round')}
          width={130}
          render={(_, u) =>
            u.round_kind ? translate('targets.roundOf', { year: u.round_year, kind: translate(`targets.rounds.${u.round_kind}`) }) : translate('common.none')
          }
        />
      </Table>
    </Drawer>
  );
}
