// One key task: what it asks, by when, who leads it, its status (the street office changes it),
// its progress notes (the office records them for the lead offices), and for a recurring task
// the grid of its periods so far: reported or missing, each opening its report or a form for it.
import { useTranslation } from '@refinedev/core';
import { App, Button, Descriptions, Drawer, Empty, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { derived, formatDateTime, toHttpError, supabaseClient } from '@/plugin-api';
import type { Row } from './index';
import { deadlineLabel, periodLabel, STATUS_COLORS } from './labels';
import { STATUSES, type Period, type Report, type Status } from './model';

interface Props {
  row: Row;
  isOffice: boolean;
  onClose(): void;
  onChanged(): Promise<void>;
}

const PERIOD_STYLE: Record<Period['state'], { border: string; background: string; color: string }> = {
  reported: { border: '#b7eb8f', background: '#f6ffed', color: '#389e0d' },
  missing: { border: '#ffa39e', background: '#fff1f0', color: '#cf1322' },
  due: { border: '#ffd591', background: '#fff7e6', color: '#d46b08' },
};

export default function TaskDrawer({ row, isOffice, onClose, onChanged }: Props) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const { task } = row;
  const [savingStatus, setSavingStatus] = useState(false);
  // The period open in the grid: the current one by default (the one to report now).
  const [periodStart, setPeriodStart] = useState<string | null>(() => row.periods.at(-1)?.start ?? null);
  const [periodForm] = Form.useForm<{ note: string }>();
  const [noteForm] = Form.useForm<{ note: string }>();
  const [saving, setSaving] = useState<'period' | 'note' | null>(null);

  const failed = (error: Parameters<typeof toHttpError>[0]) => void message.error(toHttpError(error).message);

  const changeStatus = async (status: Status) => {
    setSavingStatus(true);
    const { data, error } = await supabaseClient.from('key_tasks').update({ status }).eq('id', task.id).select('id');
    setSavingStatus(false);
    if (error) return failed(error);
    if (!data?.length) return void message.error(translate('errors.42501'));
    void message.success(translate('keyTasks.drawer.statusSaved'));
    await onChanged();
  };

  const addReport = async (period: string | null) => {
    const form = period ? periodForm : noteForm;
    const { note } = await form.validateFields();
    setSaving(period ? 'period' : 'note');
    // street_id: the task's, set by the table's trigger.
    const { error } = await supabaseClient.from('key_task_reports').insert(derived<'key_task_reports', 'street_id'>({ task_id: task.id, period, note: note.trim() }));
    setSaving(null);
    if (error) return failed(error);
    form.resetFields();
    void message.success(translate('keyTasks.drawer.saved'));
    await onChanged();
  };

  const noteRules = [
    { required: true, whitespace: true, message: translate('keyTasks.drawer.noteRequired') },
    { max: 2000, message: translate('keyTasks.drawer.noteTooLong') },
  ];
  const open = row.periods.find((p) => p.start === periodStart);
  const reports = [...task.reports].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const reporterName = (r: Report) => r.reporter?.full_name || r.reporter?.email || translate('common.none');
  const periodName = (start: string) => periodLabel(row.periods.find((p) => p.start === start) ?? { start, end: start });

  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={translate('keyTasks.drawer.title', { number: task.number, action: translate(`keyTasks.actions.${task.action}`) })}
    >
      <div data-testid="key-task-drawer">
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
          <Descriptions.Item label={translate('keyTasks.fields.content')}>{task.content}</Descriptions.Item>
          <Descriptions.Item label={translate('keyTasks.fields.deadline')}>
            <Space>
              <Typography.Text type={row.overdue > 0 ? 'danger' : undefined}>{deadlineLabel(task)}</Typography.Text>
              {row.overdue > 0 && <Tag color="red">{translate('keyTasks.overdue', { count: row.overdue })}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={translate('keyTasks.fields.leads')}>
            <Space size={[0, 4]} wrap>
              {row.leads.map((name) => (
                <Tag key={name}>{name}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={translate('keyTasks.drawer.status')}>
            {isOffice ? (
              <Select<Status>
                value={task.status}
                loading={savingStatus}
                disabled={savingStatus}
                style={{ width: 140 }}
                onChange={(s) => void changeStatus(s)}
                options={STATUSES.map((s) => ({ value: s, label: translate(`keyTasks.statuses.${s}`) }))}
                aria-label={translate('keyTasks.drawer.status')}
                data-testid="key-task-status"
              />
            ) : (
              <Tag color={STATUS_COLORS[task.status]}>{translate(`keyTasks.statuses.${task.status}`)}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>

        {task.cadence && (
          <section style={{ marginTop: 20 }} data-testid="key-task-periods">
            <Typography.Title level={5} style={{ marginBottom: 4 }}>
              {translate('keyTasks.drawer.periods')} · {translate(`keyTasks.cadences.${task.cadence}`)}
            </Typography.Title>
            {row.periods.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                {translate('keyTasks.drawer.periodsHint')}
              </Typography.Paragraph>
            )}
            {row.periods.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('keyTasks.drawer.noPeriods')} />
            ) : (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))', gap: 8 }}>
                {row.periods.map((p) => {
                  const style = PERIOD_STYLE[p.state];
                  const selected = p.start === periodStart;
                  return (
                    <button
                      key={p.start}
                      type="button"
                      data-testid={`period-${p.start}`}
                      data-state={p.state}
                      onClick={() => setPeriodStart(p.start)}
                      style={{
                        textAlign: 'left',
                        cursor: 'pointer',
                        padding: '6px 10px',
                        borderRadius: 4,
                        border: `1px solid ${selected ? style.color : style.border}`,
                        boxShadow: selected ? `0 0 0 1px ${style.color}` : undefined,
                        background: style.background,
                      }}
                    >
                      <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.88)' }}>{periodLabel(p)}</div>
                      <div style={{ fontSize: 12, color: style.color }}>{translate(`keyTasks.periods.${p.state}`)}</div>
                    </button>
                  );
                })}
              </div>
            )}
            {open && (
              <div style={{ marginTop: 12, padding: 12, background: '#fafafa', borderRadius: 4 }} data-testid="key-task-period-detail">
                {open.report ? (
                  <>
                    <Typography.Text strong>{translate('keyTasks.drawer.periodReport', { period: periodLabel(open) })}</Typography.Text>
                    <Typography.Paragraph style={{ margin: '6px 0 4px', whiteSpace: 'pre-wrap' }}>{open.report.note}</Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {reporterName(open.report)} · {formatDateTime(open.report.created_at)}
                    </Typography.Text>
                  </>
                ) : isOffice ? (
                  <Form form={periodForm} layout="vertical" name="key-task-period-report" requiredMark={false}>
                    <Form.Item name="note" label={translate('keyTasks.drawer.addPeriodReport', { period: periodLabel(open) })} rules={noteRules} style={{ marginBottom: 8 }}>
                      <Input.TextArea rows={3} maxLength={2000} placeholder={translate('keyTasks.drawer.notePlaceholder')} data-testid="key-task-period-note" />
                    </Form.Item>
                    <Button type="primary" loading={saving === 'period'} onClick={() => void addReport(open.start)}>
                      {translate('keyTasks.drawer.save')}
                    </Button>
                  </Form>
                ) : (
                  <Typography.Text type="secondary">
                    {periodLabel(open)} · {translate(`keyTasks.periods.${open.state}`)}
                  </Typography.Text>
                )}
              </div>
            )}
          </section>
        )}

        <section style={{ marginTop: 20 }}>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {translate('keyTasks.drawer.notes')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {translate('keyTasks.drawer.onBehalf')}
          </Typography.Paragraph>
          {isOffice && (
            <Form form={noteForm} layout="vertical" name="key-task-note" requiredMark={false} style={{ marginBottom: 12 }}>
              <Form.Item name="note" rules={noteRules} style={{ marginBottom: 8 }}>
                <Input.TextArea rows={2} maxLength={2000} placeholder={translate('keyTasks.drawer.notePlaceholder')} data-testid="key-task-note" />
              </Form.Item>
              <Button loading={saving === 'note'} onClick={() => void addReport(null)}>
                {translate('keyTasks.drawer.addNote')}
              </Button>
            </Form>
          )}
          {reports.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('keyTasks.drawer.noNotes')} />
          ) : (
            <Timeline
              data-testid="key-task-notes"
              items={reports.map((r) => ({
                key: r.id,
                color: r.period ? 'green' : 'blue',
                children: (
                  <>
                    <div>
                      {r.period && <Tag color="green">{periodName(r.period)}</Tag>}
                      <span style={{ whiteSpace: 'pre-wrap' }}>{r.note}</span>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {reporterName(r)} · {formatDateTime(r.created_at)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          )}
        </section>
      </div>
    </Drawer>
  );
}
