// 会签 / 或签 / 投票 on the workflow panel: the rule of the step, how far the votes are, and each
// signer with their decision and opinion. The database counts (workflow_countersign); a vote is
// an approving or returning action sent as any other (fire_event decides whether it moves).
import { useTranslation } from '@refinedev/core';
import { Progress, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates';
import { eventNotes, fieldLabel, shareText } from '@/workflow/errors';
import type { WorkflowPlugin } from '@/workflow/types';

/** What public.workflow_countersign returns. */
export interface Countersign {
  rule: 'all' | 'any' | 'share';
  share: number | null;
  reject_by: 'anyone' | 'rule';
  add_signers: boolean;
  signers: number;
  approvals: number;
  rejections: number;
  pending: number;
  needed: number;
  votes: {
    user_id: string;
    name: string;
    decision: 'approve' | 'reject' | null;
    /** The action voted for, its comment and payload. */
    event: string | null;
    comment: string | null;
    payload: Record<string, unknown> | null;
    at: string | null;
  }[];
}

export function CountersignSummary({ plugin, countersign, me }: { plugin: WorkflowPlugin; countersign: Countersign; me: string | undefined }) {
  const { translate } = useTranslation();
  const c = countersign;
  const rule = translate(`workflow.countersign.rules.${c.rule}`, { share: c.share ? shareText(c.share) : '' });
  const rejects = translate(`workflow.countersign.rejectBy.${c.reject_by}`);
  return (
    <div style={{ marginBottom: 12 }} data-testid="countersign">
      <Space size={8} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{rule}</Typography.Text>
        <Typography.Text type="secondary">{rejects}</Typography.Text>
        <Typography.Text data-testid="countersign-progress">
          {translate('workflow.countersign.progress', { approvals: c.approvals, needed: c.needed, signers: c.signers })}
        </Typography.Text>
      </Space>
      <Progress percent={Math.round((100 * c.approvals) / Math.max(1, c.needed))} size="small" showInfo={false} style={{ maxWidth: 320, margin: '0 0 6px' }} />
      <div>
        {c.votes.map((v) => (
          <div key={v.user_id} style={{ marginBottom: 4 }} data-testid="countersign-signer">
            <Tag color={v.decision === 'approve' ? 'green' : v.decision === 'reject' ? 'red' : undefined} style={{ fontWeight: v.user_id === me ? 600 : undefined }}>
              {v.name} · {translate(`workflow.countersign.decisions.${v.decision ?? 'pending'}`)}
            </Tag>
            {v.at && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(v.at)}</Typography.Text>}
            {v.event &&
              eventNotes(plugin, { event: v.event, comment: v.comment, payload: v.payload }).map((note) => (
                <Typography.Paragraph key={note.field} style={{ margin: '2px 0 0 8px' }}>
                  {note.field === 'comment' ? note.text : `${fieldLabel(plugin, note.field)}：${note.text}`}
                </Typography.Paragraph>
              ))}
          </div>
        ))}
      </div>
    </div>
  );
}
