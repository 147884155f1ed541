// 流程版本迁移: the street office moves its running instances of a workflow to a later version.
// It picks the workflow and the two versions, maps each state of the old to one of the new
// (the same name by default), and reads the database's dry run (migrate_workflow_instances): each
// instance with the state it would go to and what would stop it. Nothing changes until it
// migrates those it selected, or all that can go; the others stay on their version.
import { List } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Card, Descriptions, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { supabaseClient } from '@/providers/supabase-client';
import { compiledOf } from '@/workflow/machine';
import { fieldLabel, stateLabel, workflowError } from '@/workflow/errors';
import { PLUGINS, pluginByName } from '@/workflow/plugins';
import type { WorkflowPlugin } from '@/workflow/types';

type Problem =
  | { kind: 'unmapped'; state: string }
  | { kind: 'state'; state: string }
  | { kind: 'form'; path: string | null; rule: string | null; limit?: unknown }
  | { kind: 'handler'; user_id: string; name: string };
interface Row {
  instance_id: number;
  subject: string;
  from_state: string;
  to_state: string | null;
  migrated: boolean;
  problems: Problem[];
}

const MIGRATABLE = PLUGINS.filter((p) => p.versions.length > 1);

function problemText(plugin: WorkflowPlugin, p: Problem, to: string | null, translate: (key: string, options?: Record<string, unknown>) => string) {
  switch (p.kind) {
    case 'unmapped':
      return translate('migration.problems.unmapped', { state: stateLabel(plugin, p.state) });
    case 'state':
      return translate('migration.problems.state', { state: p.state });
    case 'form':
      return translate('migration.problems.form', {
        field: p.path ? fieldLabel(plugin, p.path.split(/[.[]/)[0]!) : '',
        rule: translate(`workflow.rules.${p.rule}`, { limit: p.limit, defaultValue: p.rule ?? '' }),
      });
    case 'handler':
      return translate('migration.problems.handler', { name: p.name, state: to ? stateLabel(plugin, to) : '' });
  }
}

export default function WorkflowMigrationPage() {
  const { translate } = useTranslation();
  const { message, modal } = App.useApp();
  const [workflow, setWorkflow] = useState(MIGRATABLE[0]?.name);
  const plugin = workflow ? pluginByName.get(workflow) : undefined;
  const versions = plugin?.versions.map((v) => v.version) ?? [];
  // (by default the version before the last, to the last)
  const [from, setFrom] = useState<number | undefined>(versions.at(-2));
  const [to, setTo] = useState<number | undefined>(versions.at(-1));
  const [states, setStates] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);

  const fromCompiled = useMemo(() => (plugin && from ? compiledOf(plugin, plugin.versions.find((v) => v.version === from)!) : undefined), [plugin, from]);
  const toCompiled = useMemo(() => (plugin && to ? compiledOf(plugin, plugin.versions.find((v) => v.version === to)!) : undefined), [plugin, to]);
  // The plan: each running state of the old version to a state of the new, the same name where it has one.
  useEffect(() => {
    if (!fromCompiled || !toCompiled) return;
    setStates(Object.fromEntries(fromCompiled.states.filter((s) => !s.final && toCompiled.states.some((t) => t.path === s.path)).map((s) => [s.path, s.path])));
  }, [fromCompiled, toCompiled]);

  const run = useCallback(
    async (dryRun: boolean, ids: number[] | null) => {
      if (!plugin || !from || !to) return null;
      setRefusal(null);
      const { data, error } = await supabaseClient.rpc('migrate_workflow_instances', {
        p_workflow: plugin.name, p_from_version: from, p_to_version: to, p_states: states, p_dry_run: dryRun,
        ...(ids ? { p_instance_ids: ids } : {}),
      });
      if (error) {
        setRefusal(workflowError(plugin, error).message);
        return null;
      }
      return (data ?? []) as unknown as Row[];
    },
    [plugin, from, to, states],
  );
  const check = useCallback(async () => {
    setLoading(true);
    const result = await run(true, null);
    setRows(result ?? []);
    setSelected([]);
    setLoading(false);
  }, [run]);
  useEffect(() => {
    if (from && to && from < to) void check();
    else setRows([]);
  }, [check, from, to]);

  const ready = rows.filter((r) => r.problems.length === 0);
  const migrate = (ids: number[]) => {
    if (!plugin || !ids.length) return;
    modal.confirm({
      title: translate('migration.confirmTitle'),
      content: translate('migration.confirm', { count: ids.length, workflow: translate(plugin.label), from, to }),
      okText: translate('migration.run'),
      onOk: async () => {
        const result = await run(false, ids);
        if (!result) return;
        const moved = result.filter((r) => r.migrated).length;
        void message.success(translate('migration.done', { count: moved, left: result.length - moved }));
        await check();
      },
    });
  };

  if (!MIGRATABLE.length || !plugin || !fromCompiled || !toCompiled) {
    return <List title={translate('migration.title')}><Typography.Text type="secondary">{translate('migration.nothing')}</Typography.Text></List>;
  }
  return (
    <List title={translate('migration.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{translate('migration.hint')}</Typography.Paragraph>
        <Card size="small" title={translate('migration.plan')}>
          <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
            <Form.Item label={translate('migration.workflow')}>
              <Select
                style={{ width: 180 }}
                value={workflow}
                data-testid="migration-workflow"
                options={MIGRATABLE.map((p) => ({ value: p.name, label: translate(p.label) }))}
                onChange={(name: string) => {
                  const next = pluginByName.get(name)!;
                  setWorkflow(name);
                  setFrom(next.versions.at(-2)!.version);
                  setTo(next.versions.at(-1)!.version);
                }}
              />
            </Form.Item>
            <Form.Item label={translate('migration.from')}>
              <Select style={{ width: 100 }} value={from} data-testid="migration-from" onChange={setFrom}
                options={versions.slice(0, -1).map((v) => ({ value: v, label: `v${v}` }))} />
            </Form.Item>
            <Form.Item label={translate('migration.to')}>
              <Select style={{ width: 100 }} value={to} data-testid="migration-to" onChange={setTo}
                options={versions.filter((v) => from !== undefined && v > from).map((v) => ({ value: v, label: `v${v}` }))} />
            </Form.Item>
          </Form>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="migration-states">
            {fromCompiled.states.filter((s) => !s.final).map((s) => (
              <Descriptions.Item key={s.path} label={stateLabel(plugin, s.path)}>
                <Select
                  style={{ width: '100%', minWidth: 140 }}
                  allowClear
                  placeholder={translate('migration.unmapped')}
                  value={states[s.path]}
                  onChange={(target?: string) => setStates(({ [s.path]: _, ...rest }) => (target ? { ...rest, [s.path]: target } : rest))}
                  options={toCompiled.states.map((t) => ({ value: t.path, label: stateLabel(plugin, t.path) }))}
                />
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
        {refusal && <Alert type="error" showIcon message={refusal} />}
        <Card
          size="small"
          title={translate('migration.instances', { count: rows.length, ready: ready.length })}
          extra={
            <Space>
              <Button onClick={() => void check()} loading={loading} data-testid="migration-check">{translate('migration.check')}</Button>
              <Button disabled={!selected.length} onClick={() => migrate(selected)} data-testid="migration-run-selected">
                {translate('migration.runSelected', { count: selected.length })}
              </Button>
              <Button type="primary" disabled={!ready.length} onClick={() => migrate(ready.map((r) => r.instance_id))} data-testid="migration-run-all">
                {translate('migration.runAll', { count: ready.length })}
              </Button>
            </Space>
          }
        >
          <Table<Row>
            size="small"
            rowKey="instance_id"
            loading={loading}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="migration-table"
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as number[]),
              getCheckboxProps: (r) => ({ disabled: r.problems.length > 0 }),
            }}
            locale={{ emptyText: translate('migration.none', { version: from }) }}
            columns={[
              { key: 'subject', title: translate('migration.fields.subject'), render: (_, r) => <Link to={`/workflows/${plugin.name}/${r.instance_id}`}>{r.subject}</Link> },
              { key: 'from', title: translate('migration.fields.from', { version: from }), render: (_, r) => stateLabel(plugin, r.from_state) },
              { key: 'to', title: translate('migration.fields.to', { version: to }), render: (_, r) => (r.to_state ? stateLabel(plugin, r.to_state) : '—') },
              {
                key: 'check',
                title: translate('migration.fields.check'),
                render: (_, r) =>
                  r.problems.length === 0 ? (
                    <Tag color="green">{translate('migration.ok')}</Tag>
                  ) : (
                    <Space direction="vertical" size={0} data-testid="migration-problems">
                      {r.problems.map((p, i) => (
                        <Typography.Text key={i} type="danger">{problemText(plugin, p, r.to_state, translate)}</Typography.Text>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
    </List>
  );
}
