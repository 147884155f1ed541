// Any workflow's instances: one table per plugin, its states as labels, and a start button for
// the roles the plugin lets start one, offering only the units the workflow's start rule allows.
import { List, useTable } from '@refinedev/antd';
import { useGo, useTranslation } from '@refinedev/core';
import { App, Button, Form, Modal, Select, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { myMemberships } from '@/access/memberships';
import type { SelectRow } from '@/lib/rows';
import { ReferenceSelect } from '@/pages/generic/fields';
import { supabaseClient } from '@/providers/supabase-client';
import { stateLabel, workflowError } from '@/workflow/errors';
import { workflowResource } from '@/registry/workflows';
import type { WorkflowPlugin } from '@/workflow/types';
import { compiledOf } from '@/workflow/machine';

export const INSTANCE_SELECT = 'id, workflow, version, state, done, revision, form, form_revision, form_saved_at, street_id, community_id, subject_unit_id, created_at, updated_at, subject:units!subject_unit_id(name, kind)';
type InstanceRow = SelectRow<'workflow_instances', typeof INSTANCE_SELECT>;

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
        <Button type="primary" disabled data-testid="workflow-start">{translate('workflow.start')}</Button>
      </Tooltip>
    );
  }
  const name = translate(plugin.label);
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
      <Button type="primary" loading={subjects === null} onClick={() => setOpen(true)} data-testid="workflow-start">{translate('workflow.start')}</Button>
      <Modal title={translate('workflow.startTitle', { name })} open={open} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={busy} destroyOnHidden>
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
  const { tableProps, searchFormProps } = useTable<InstanceRow>({
    resource: workflowResource(plugin),
    meta: { select: INSTANCE_SELECT },
    filters: { permanent: [{ field: 'workflow', operator: 'eq', value: plugin.name }] },
    sorters: { initial: [{ field: 'updated_at', order: 'desc' }] },
    pagination: { pageSize: 50 },
    onSearch: (values) => [{ field: 'state', operator: 'eq', value: (values as { state?: string }).state || undefined }],
  });
  return (
    <List title={translate(plugin.label)} headerButtons={<StartButton plugin={plugin} />}>
      <Form {...searchFormProps} name="filters" layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item name="state" label={translate('workflow.fields.state')}>
          <Select allowClear placeholder={translate('common.all')} style={{ minWidth: 160 }} options={states.map((s) => ({ value: s, label: stateLabel(plugin, s) }))} onChange={() => searchFormProps.form?.submit()} />
        </Form.Item>
      </Form>
      <Table
        {...tableProps}
        rowKey="id"
        size="small"
        onRow={(record) => ({ onClick: () => go({ to: `/workflows/${plugin.name}/${record.id}` }), style: { cursor: 'pointer' } })}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate('common.total', { total }) }}
      >
        <Table.Column<InstanceRow> dataIndex="id" title={translate('workflow.fields.id')} width={80} sorter />
        <Table.Column<InstanceRow> dataIndex={['subject', 'name']} title={translate('workflow.fields.subject')} />
        <Table.Column<InstanceRow>
          dataIndex="state"
          title={translate('workflow.fields.state')}
          sorter
          render={(state: string, r) => <Tag color={r.done ? 'green' : 'blue'}>{stateLabel(plugin, state)}</Tag>}
        />
        <Table.Column<InstanceRow> dataIndex="version" title={translate('workflow.fields.version')} width={80} render={(v: number) => `v${v}`} />
        <Table.Column<InstanceRow> dataIndex="updated_at" title={translate('workflow.fields.updated_at')} width={160} sorter render={(v: string) => dayjs(v).format('YYYY-MM-DD HH:mm')} />
      </Table>
    </List>
  );
}
