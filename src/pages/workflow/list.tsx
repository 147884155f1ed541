// Any workflow's instances: one table per plugin, its states as tags coloured by their tone, and a
// start button for the roles the plugin lets start one, offering only the units the workflow's
// start rule allows. No raw ids; the version only while instances of two versions stand in it.
import { List, useTable } from '@refinedev/antd';
import { useGo, useTranslation } from '@refinedev/core';
import { App, Button, Form, Modal, Select, Table, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { myMemberships } from '@/access/memberships';
import { StatusTag } from '@/components/status-tag';
import { TableToolbar, useTableSettings } from '@/components/table-toolbar';
import { i18n } from '@/i18n';
import { formatDateTime } from '@/lib/dates';
import type { SelectRow } from '@/lib/rows';
import { ReferenceSelect } from '@/pages/generic/fields';
import { supabaseClient } from '@/providers/supabase-client';
import { stateLabel, workflowError } from '@/workflow/errors';
import { workflowResource } from '@/registry/workflows';
import type { WorkflowPlugin } from '@/workflow/types';
import { compiledOf } from '@/workflow/machine';

export const INSTANCE_SELECT = 'id, workflow, version, state, done, revision, form, form_revision, form_saved_at, street_id, community_id, subject_unit_id, unit_path, created_at, updated_at, subject:units!subject_unit_id(name, kind)';
type InstanceRow = SelectRow<'workflow_instances', typeof INSTANCE_SELECT>;

/**
 * The plugin's word for starting one (its messages' `start`: 新建申报), on the button, as the
 * dialog's title and as the log's first entry; the engine's (发起) when it has none.
 */
export function startLabel(plugin: WorkflowPlugin, use: 'button' | 'title' | 'log' = 'button'): string {
  const own = `workflows.${plugin.name}.start`;
  if (i18n.exists(own)) return i18n.t(own);
  if (use === 'title') return i18n.t('workflow.startTitle', { name: i18n.t(plugin.label) });
  return i18n.t(use === 'log' ? 'workflow.panel.startEvent' : 'workflow.start');
}

function StartButton({ plugin }: { plugin: WorkflowPlugin }) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const go = useGo();
  const [open, setOpen] = useState(false);
  const [allowed, setAllowed] = useState(false);
  const [busy, setBusy] = useState(false);
  // The units the user may start one for, and why the database would refuse some (its start rule;
  // null: none, which the generated type of a RETURNS TABLE column cannot say).
  const [subjects, setSubjects] = useState<{ subject_unit_id: number; refusal: string | null }[] | null>(null);
  const [form] = Form.useForm<{ subject: number }>();
  useEffect(() => {
    void myMemberships().then((ms) => setAllowed(ms.some((m) => plugin.startRoles.includes(m.role))));
    void supabaseClient.rpc('workflow_start_refusals', { p_workflow: plugin.name }).then(({ data }) => setSubjects(data ?? null));
  }, [plugin, open]);
  const refused = useMemo(
    () => new Map((subjects ?? []).flatMap((s) => (s.refusal ? [[Number(s.subject_unit_id), s.refusal] as const] : []))),
    [subjects],
  );
  if (!allowed) return null;
  // Nothing left to start: not offered, and the reason on hover (one unit's words, or in general).
  if (subjects && subjects.length > 0 && refused.size === subjects.length) {
    return (
      <Tooltip title={subjects.length === 1 ? subjects[0]!.refusal : translate('workflow.nothingToStart')}>
        <Button type="primary" disabled data-testid="workflow-start">{startLabel(plugin)}</Button>
      </Tooltip>
    );
  }
  const submit = async () => {
    const { subject } = await form.validateFields();
    setBusy(true);
    const { data, error } = await supabaseClient.rpc('start_workflow', { p_workflow: plugin.name, p_subject_unit_id: subject });
    setBusy(false);
    if (error) {
      form.setFields([{ name: 'subject', errors: [workflowError(plugin, error).message] }]);
      return;
    }
    void message.success(translate('workflow.started'));
    setOpen(false);
    go({ to: `/workflows/${plugin.name}/${data.id}` });
  };
  return (
    <>
      {/* Not clickable until the refusals are known: nothing is offered that will be refused. */}
      <Button type="primary" loading={subjects === null} onClick={() => setOpen(true)} data-testid="workflow-start">{startLabel(plugin)}</Button>
      <Modal title={startLabel(plugin, 'title')} open={open} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={busy} destroyOnHidden>
        <Form form={form} name="start" layout="vertical">
          <Form.Item name="subject" label={translate('workflow.fields.subject')} rules={[{ required: true, message: translate('workflow.subjectRequired') }]}>
            <ReferenceSelect field={{ name: 'subject', label: 'workflow.fields.subject', kind: 'reference', reference: { resource: 'units', labelField: 'name', embed: 'subject', kinds: plugin.subjectKinds } }} refused={refused} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function WorkflowList({ plugin }: { plugin: WorkflowPlugin }) {
  const { translate } = useTranslation();
  const go = useGo();
  // The atomic states of every version, as instances store them.
  const states = [...new Set(plugin.versions.flatMap((v) => compiledOf(plugin, v).states.map((s) => s.path)))];
  const { tableProps, searchFormProps, tableQuery } = useTable<InstanceRow>({
    resource: workflowResource(plugin),
    meta: { select: INSTANCE_SELECT },
    filters: { permanent: [{ field: 'workflow', operator: 'eq', value: plugin.name }] },
    sorters: { initial: [{ field: 'updated_at', order: 'desc' }] },
    pagination: { pageSize: 50 },
    onSearch: (values) => [{ field: 'state', operator: 'eq', value: (values as { state?: string }).state || undefined }],
  });
  // The version only matters where instances of two versions stand side by side.
  const versions = new Set((tableProps.dataSource ?? []).map((r) => r.version));
  const toggleable = useMemo(() => ['subject', 'state', 'updated_at'].map((key) => ({ key, title: translate(`workflow.fields.${key}`) })), [translate]);
  const settings = useTableSettings(`workflow.${plugin.name}`, toggleable);
  return (
    <List title={translate(plugin.label)} headerButtons={<StartButton plugin={plugin} />}>
      {/* (the filters and the toolbar share a row that wraps: on a phone the toolbar goes under, not over, the filter) */}
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Form {...searchFormProps} name="filters" layout="inline">
          <Form.Item name="state" label={translate('workflow.fields.state')}>
            <Select allowClear placeholder={translate('common.all')} style={{ minWidth: 160 }} options={states.map((s) => ({ value: s, label: stateLabel(plugin, s) }))} onChange={() => searchFormProps.form?.submit()} />
          </Form.Item>
        </Form>
        <TableToolbar settings={settings} onRefresh={() => void tableQuery.refetch()} refreshing={tableQuery.isFetching} />
      </div>
      <Table
        {...tableProps}
        rowKey="id"
        size={settings.size}
        scroll={{ x: 720 }}
        onRow={(record) => ({ onClick: () => go({ to: `/workflows/${plugin.name}/${record.id}` }), style: { cursor: 'pointer' } })}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate('common.total', { total }) }}
      >
        {settings.visible('subject') && <Table.Column<InstanceRow> dataIndex={['subject', 'name']} title={translate('workflow.fields.subject')} />}
        {settings.visible('state') && <Table.Column<InstanceRow>
          dataIndex="state"
          title={translate('workflow.fields.state')}
          sorter
          render={(state: string, r) => <StatusTag plugin={plugin} version={r.version} state={state} />}
        />}
        {versions.size > 1 && <Table.Column<InstanceRow> dataIndex="version" title={translate('workflow.fields.version')} width={80} render={(v: number) => `v${v}`} />}
        {settings.visible('updated_at') && <Table.Column<InstanceRow> dataIndex="updated_at" title={translate('workflow.fields.updated_at')} width={180} sorter render={(v: string) => formatDateTime(v)} />}
        {/* The row opens on a click too; the link is what a keyboard and a screen reader reach. */}
        <Table.Column<InstanceRow>
          key="actions"
          title={translate('table.actions')}
          width={80}
          render={(_, record) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              href={`/workflows/${plugin.name}/${record.id}`}
              onClick={(e) => {
                e.preventDefault();
                e.stopPropagation();
                go({ to: `/workflows/${plugin.name}/${record.id}` });
              }}
              data-testid="workflow-row-show"
            >
              {translate('actions.show')}
            </Button>
          )}
        />
      </Table>
    </List>
  );
}
