// 催办 on the workflow panel: someone upstream (who acted on the instance before, or a street-wide
// role where it lives) reminds whoever handles its step now, with a note. The database decides
// (public.urge_workflow: who may, at most once per the state's interval); the panel only offers
// it where it would be allowed.
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { supabaseClient } from '@/providers/supabase-client';
import { stateLabel, workflowError } from '@/workflow/errors';
import type { WorkflowPlugin } from '@/workflow/types';
import { CommentItem } from './handlers';

const COMMENT_MAX = 200;

export function UrgeButton({ plugin, instance, onDone }: {
  plugin: WorkflowPlugin;
  instance: { id: number; state: string; subject: { name: string } | null };
  onDone: () => void;
}) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();

  const submit = async () => {
    let values: { comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const { data, error } = await supabaseClient.rpc('urge_workflow', { p_instance_id: instance.id, p_comment: values.comment?.trim() || undefined });
    setBusy(false);
    if (error) return setRefusal(workflowError(plugin, error).message);
    void message.success(data ? translate('workflow.panel.urged', { count: data }) : translate('workflow.panel.urgedNobody'));
    setOpen(false);
    onDone();
  };

  return (
    <>
      <Button icon={<BellOutlined />} onClick={() => (setRefusal(null), form.resetFields(), setOpen(true))} data-testid="urge">
        {translate('workflow.panel.urge')}
      </Button>
      <Modal
        title={translate('workflow.panel.urgeTitle', { subject: instance.subject?.name ?? '' })}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={translate('workflow.panel.urge')}
        confirmLoading={busy}
        destroyOnHidden
      >
        {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} data-testid="urge-refusal" />}
        <Typography.Paragraph type="secondary">{translate('workflow.panel.urgeHint', { state: stateLabel(plugin, instance.state) })}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="urge">
          <CommentItem label={translate('workflow.panel.urgeComment')} max={COMMENT_MAX} placeholder={translate('workflow.panel.urgeCommentPlaceholder')} />
        </Form>
      </Modal>
    </>
  );
}
