// Named handlers, 转交 / 委派 / 改派, 退回到任意节点 and 提交至退回环节 on the workflow panel. The
// database decides each (transfer_workflow, delegate_workflow, finish_delegation,
// return_workflow, resume_workflow); the panel offers them only where they would be allowed and
// shows the database's refusal, in Chinese, when something changed meanwhile.
import { useTranslation } from '@refinedev/core';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { supabaseClient } from '@/providers/supabase-client';
import { stateLabel, workflowError } from '@/workflow/errors';
import type { WorkflowPlugin } from '@/workflow/types';

/** A member where the instance lives, as workflow_members returns them. */
export interface Member {
  user_id: string;
  full_name: string;
  roles: string[];
}

/** Someone handling the instance's step now. */
export interface Assignment {
  user_id: string;
  kind: 'owner' | 'delegate';
  delegated_by: string | null;
}

const COMMENT_MAX = 500;

/** Select options: the members holding one of the roles (all members when roles is null). */
export function memberOptions(members: Member[], roles: string[] | null, translate: (key: string) => string, except?: string) {
  return members
    .filter((m) => m.user_id !== except && (!roles || m.roles.some((r) => roles.includes(r))))
    .map((m) => ({
      value: m.user_id,
      label: `${m.full_name}（${m.roles.filter((r) => !roles || roles.includes(r)).map((r) => translate(`memberships.roles.${r}`)).join('、')}）`,
    }));
}

export const nameOf = (members: Member[], id: string | null | undefined) => members.find((m) => m.user_id === id)?.full_name ?? '';

/**
 * A comment as the engine's own functions take it (urge_workflow, transfer_workflow, …): at most
 * `max` characters and, when `required` says why, at least 2 that are not blank.
 */
export function CommentItem({ label, required, max = COMMENT_MAX, rows = 3, placeholder }: {
  label: string;
  /** The message for a missing comment; omitted: the comment is optional. */
  required?: string;
  max?: number;
  rows?: number;
  placeholder?: string;
}) {
  const { translate } = useTranslation();
  return (
    <Form.Item
      name="comment"
      label={label}
      rules={[
        ...(required ? [{ required: true, whitespace: true, message: required }, { min: 2, message: required }] : []),
        { max, message: translate('workflow.fieldRule', { field: label, message: translate('workflow.rules.maxLength', { limit: max }) }) },
      ]}
    >
      <Input.TextArea rows={rows} showCount maxLength={max} placeholder={placeholder} />
    </Form.Item>
  );
}

type Mode = 'transfer' | 'reassign' | 'delegate' | 'finish' | 'addSigner';

/** 转交, 改派, 委派, 加签 (a person and a comment) or the delegate's answer (an opinion). */
export function HandoverDialog({ plugin, instance, mode, members, roles, me, owner, exclude = [], onClose, onDone }: {
  plugin: WorkflowPlugin;
  instance: { id: number; subject: { name: string } | null };
  mode: Mode;
  members: Member[];
  /** Who may take the step (its declared roles). */
  roles: string[] | null;
  me: string | undefined;
  /** For the answer: who delegated it. */
  owner?: string | null;
  /** People not offered (for 加签: who signs already). */
  exclude?: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to?: string; comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const subject = instance.subject?.name ?? '';
  const title = mode === 'finish' ? 'finishTitle' : mode === 'delegate' ? 'delegateTitle' : mode === 'addSigner' ? 'addSignerTitle' : 'transferTitle';
  const hint = mode === 'finish' ? 'finishHint' : mode === 'delegate' ? 'delegateHint' : mode === 'reassign' ? 'reassignHint' : mode === 'addSigner' ? 'addSignerHint' : 'transferHint';
  const rpc = mode === 'delegate' ? 'delegate_workflow' : mode === 'addSigner' ? 'add_signer' : 'transfer_workflow';
  const commentLabel = translate(mode === 'finish' ? 'workflow.panel.opinion' : 'workflow.panel.comment');

  const submit = async () => {
    let values: { to?: string; comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const comment = values.comment?.trim() ?? '';
    setBusy(true);
    const { error } =
      mode === 'finish'
        ? await supabaseClient.rpc('finish_delegation', { p_instance_id: instance.id, p_comment: comment })
        : await supabaseClient.rpc(rpc, { p_instance_id: instance.id, p_to: values.to!, p_comment: comment });
    setBusy(false);
    if (error) {
      const refused = workflowError(plugin, error);
      if (refused.field === 'to' || refused.field === 'comment') form.setFields([{ name: refused.field, errors: [refused.message] }]);
      else setRefusal(refused.message);
      return;
    }
    const name = mode === 'finish' ? nameOf(members, owner) : nameOf(members, values.to);
    const done = { finish: 'finished', delegate: 'delegated', addSigner: 'signerAdded', transfer: 'transferred', reassign: 'transferred' }[mode];
    void message.success(translate(`workflow.panel.${done}`, { name }));
    onDone();
    onClose();
  };

  const okText = translate(`workflow.panel.${mode === 'finish' ? 'finishDelegation' : mode}`);
  return (
    <Modal title={translate(`workflow.panel.${title}`, { subject })} open onCancel={onClose} onOk={submit} okText={okText} confirmLoading={busy} destroyOnHidden>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{translate(`workflow.panel.${hint}`, { name: nameOf(members, owner) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name={`handover-${mode}`}>
        {mode !== 'finish' && (
          <Form.Item name="to" label={translate('workflow.panel.to')} rules={[{ required: true, message: translate('workflow.panel.toRequired') }]}>
            <Select showSearch optionFilterProp="label" options={memberOptions(members, roles, translate, me).filter((o) => !exclude.includes(o.value))} data-testid="handover-to" />
          </Form.Item>
        )}
        <CommentItem label={commentLabel} required={translate(mode === 'finish' ? 'workflow.panel.opinionRequired' : 'workflow.panel.commentRequired')} />
      </Form>
    </Modal>
  );
}

/** 退回到任意节点: a step the instance passed (the database lists them) and the reason. */
export function ReturnDialog({ plugin, instance, targets, onClose, onDone }: {
  plugin: WorkflowPlugin;
  instance: { id: number; state: string; revision: number; subject: { name: string } | null };
  targets: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to_state?: string; comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    let values: { to_state?: string; comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const { error } = await supabaseClient.rpc('return_workflow', {
      p_instance_id: instance.id, p_to_state: values.to_state!, p_expected_revision: instance.revision, p_comment: values.comment?.trim() ?? '',
    });
    setBusy(false);
    if (error) {
      const refused = workflowError(plugin, error);
      if (refused.field === 'to_state' || refused.field === 'comment') form.setFields([{ name: refused.field, errors: [refused.message] }]);
      else setRefusal(refused.message);
      if (error.code === 'WF005') onDone();
      return;
    }
    void message.success(translate('workflow.panel.returned', { state: stateLabel(plugin, values.to_state!) }));
    onDone();
    onClose();
  };
  return (
    <Modal
      title={translate('workflow.panel.returnTitle', { subject: instance.subject?.name ?? '' })}
      open
      onCancel={onClose}
      onOk={submit}
      okText={translate('workflow.engineEvents.return_to_step')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{translate('workflow.panel.returnHint', { state: stateLabel(plugin, instance.state) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="return-to-step">
        <Form.Item name="to_state" label={translate('workflow.panel.returnTarget')} rules={[{ required: true, message: translate('workflow.panel.returnTargetRequired') }]}>
          <Select options={targets.map((s) => ({ value: s, label: stateLabel(plugin, s) }))} data-testid="return-target" />
        </Form.Item>
        <CommentItem label={translate('workflow.panel.returnComment')} required={translate('workflow.panel.returnCommentRequired')} />
      </Form>
    </Modal>
  );
}

/** 提交至退回环节: straight back to the step that returned it, with an optional note. */
export function ResumeDialog({ plugin, instance, to, onClose, onDone }: {
  plugin: WorkflowPlugin;
  instance: { id: number; revision: number };
  to: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const state = stateLabel(plugin, to);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    const { error } = await supabaseClient.rpc('resume_workflow', {
      p_instance_id: instance.id, p_expected_revision: instance.revision, p_comment: values.comment?.trim() || undefined,
    });
    setBusy(false);
    if (error) {
      setRefusal(workflowError(plugin, error).message);
      if (error.code === 'WF005') onDone();
      return;
    }
    void message.success(translate('workflow.panel.resumed', { state }));
    onDone();
    onClose();
  };
  return (
    <Modal title={translate('workflow.panel.resumeTitle', { state })} open onCancel={onClose} onOk={submit} okText={translate('workflow.panel.resume', { state })} confirmLoading={busy} destroyOnHidden>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{translate('workflow.panel.resumeHint', { state })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="resume-at-step">
        <CommentItem label={translate('workflow.panel.comment')} rows={2} />
      </Form>
    </Modal>
  );
}
