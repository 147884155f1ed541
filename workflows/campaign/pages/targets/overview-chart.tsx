// One milestone's targets against the measured counts, as grouped bars by kind × grade (Recharts,
// loaded with this chunk only when the dashboard has targets to chart). A share is drawn as the
// number of units it asks for. Clicking a bar opens the units behind it.
import { useTranslation } from '@refinedev/core';
import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { kindGradeLabel, targetLabel, type TargetProgress } from './model';
import { CHART_COLORS } from './chart-colors';

interface Datum {
  label: string;
  target: number;
  measured: number;
  row: TargetProgress;
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const { translate } = useTranslation();
  const row = (payload?.[0]?.payload as Datum | undefined)?.row;
  if (!active || !row) return null;
  return (
    <div style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 4, padding: '6px 10px', fontSize: 12, boxShadow: '0 2px 8px rgba(0,0,0,0.08)' }}>
      <div style={{ fontWeight: 600, marginBottom: 2 }}>{kindGradeLabel(row.unit_kind, row.grade)}</div>
      <div>
        {translate('targets.fields.target')}：{targetLabel(row)}
      </div>
      <div>
        {translate('targets.fields.measured')}：{translate('targets.amount.count', { count: row.measured })}（{translate('targets.fields.total')} {row.total}）
      </div>
      <div style={{ color: row.met ? CHART_COLORS.met : '#cf1322' }}>
        {row.met ? translate('targets.met') : translate('targets.shortfall', { count: row.required - row.measured })}
      </div>
    </div>
  );
}

export default function MilestoneChart({ rows, height, onDrill }: { rows: TargetProgress[]; height: number; onDrill: (target: TargetProgress, counted: boolean) => void }) {
  const { translate } = useTranslation();
  const data: Datum[] = rows.map((r) => ({ label: kindGradeLabel(r.unit_kind, r.grade), target: r.required, measured: r.measured, row: r }));
  const drill = (index: number, counted: boolean) => {
    const row = data[index]?.row;
    if (row) onDrill(row, counted);
  };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart layout="vertical" data={data} margin={{ top: 4, right: 28, bottom: 0, left: 0 }} barGap={1} barCategoryGap="24%" maxBarSize={10}>
        <CartesianGrid horizontal={false} stroke="#f0f0f0" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#8c8c8c' }} axisLine={false} tickLine={false} height={20} />
        <YAxis type="category" dataKey="label" width={100} interval={0} tick={{ fontSize: 12, fill: '#595959' }} tickLine={false} />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload} />} cursor={{ fill: 'rgba(0,0,0,0.03)' }} />
        <Bar
          dataKey="target"
          name={translate('targets.chart.target')}
          fill={CHART_COLORS.target}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => drill(index, false)}
          label={{ position: 'right', fontSize: 11, fill: '#8c8c8c' }}
        />
        <Bar
          dataKey="measured"
          name={translate('targets.chart.measured')}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => drill(index, true)}
          label={{ position: 'right', fontSize: 11, fill: '#262626' }}
          shape={(props) => <Rectangle {...props} fill={(props.payload as Datum).row.met ? CHART_COLORS.met : CHART_COLORS.notMet} />}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
