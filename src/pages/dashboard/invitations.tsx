// 成员邀请 at the top of the dashboard: the signed-in user's pending invitations (my_invitations),
// each accepted or declined here. Accepting makes the membership, and the menu and the screens
// follow at once (useRefreshMemberships). A user with no membership and no invitation is told
// whom to ask: the dashboard is all such an account can open.
import { MailOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { myMemberships, useRefreshMemberships } from '@/access/memberships';
import { formatDateTime } from '@/lib/dates';
import type { FunctionRow } from '@/lib/rows';
import { toHttpError } from '@/providers/data-provider';
import { supabaseClient } from '@/providers/supabase-client';

type MyInvitation = FunctionRow<'my_invitations'>;

export default function MyInvitations() {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const refreshMemberships = useRefreshMemberships();
  const [state, setState] = useState<{ invitations: MyInvitation[]; member: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    const [{ data, error }, memberships] = await Promise.all([supabaseClient.rpc('my_invitations'), myMemberships()]);
    if (error) {
      setFailure(toHttpError(error).message);
      return;
    }
    setFailure(null);
    setState({ invitations: data ?? [], member: memberships.length > 0 });
  }, []);

  useEffect(() => {
    load().catch((error: { message?: string }) => setFailure(translate('errors.unknown', { message: error.message ?? '' })));
  }, [load, translate]);

  async function decide(invitation: MyInvitation, accept: boolean) {
    setBusy(invitation.id);
    const { error } = await supabaseClient.rpc(accept ? 'accept_invitation' : 'decline_invitation', { p_invitation_id: invitation.id });
    if (error) void message.error(toHttpError(error).message);
    else if (accept) {
      await refreshMemberships();
      void message.success(translate('invitations.accepted', { unit: invitation.unit_name, role: translate(`memberships.roles.${invitation.role}`) }));
    } else void message.success(translate('invitations.declined', { unit: invitation.unit_name }));
    await load().catch(() => undefined);
    setBusy(null);
  }

  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (!state) return null;
  if (state.invitations.length === 0) {
    return state.member ? null : <Alert type="info" showIcon message={translate('common.noAccess')} data-testid="no-access" />;
  }

  return (
    <Card
      size="small"
      data-testid="my-invitations"
      styles={{ header: { background: '#fffbe6' } }}
      title={
        <Space size={8}>
          <MailOutlined style={{ color: '#d48806' }} />
          <span>{translate('invitations.mine', { count: state.invitations.length })}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {translate('invitations.mineHint')}
          </Typography.Text>
        </Space>
      }
    >
      <Table<MyInvitation> dataSource={state.invitations} rowKey="id" size="small" pagination={false}>
        <Table.Column<MyInvitation> key="unit" title={translate('invitations.fields.unit_id')} dataIndex="unit_name" />
        <Table.Column<MyInvitation> key="street" title={translate('invitations.fields.street')} dataIndex="street_name" />
        <Table.Column<MyInvitation>
          key="role"
          title={translate('invitations.fields.role')}
          dataIndex="role"
          width={120}
          render={(role: MyInvitation['role']) => <Tag>{translate(`memberships.roles.${role}`)}</Tag>}
        />
        <Table.Column<MyInvitation>
          key="invited_by"
          title={translate('invitations.fields.invited_by')}
          dataIndex="invited_by_name"
          width={120}
          render={(name: string | null) => name || translate('common.none')}
        />
        <Table.Column<MyInvitation>
          key="created_at"
          title={translate('invitations.fields.created_at')}
          dataIndex="created_at"
          width={160}
          render={(at: string) => formatDateTime(at)}
        />
        <Table.Column<MyInvitation>
          key="actions"
          title={translate('table.actions')}
          width={150}
          render={(_, invitation) => (
            <Space size="small">
              <Button type="primary" size="small" loading={busy === invitation.id} disabled={busy !== null} onClick={() => void decide(invitation, true)}>
                {translate('invitations.accept')}
              </Button>
              <Popconfirm
                title={translate('invitations.declineConfirm')}
                description={translate('invitations.declineConfirmDetail', { unit: invitation.unit_name })}
                okText={translate('invitations.decline')}
                onConfirm={() => decide(invitation, false)}
              >
                <Button size="small" disabled={busy !== null}>{translate('invitations.decline')}</Button>
              </Popconfirm>
            </Space>
          )}
        />
      </Table>
    </Card>
  );
}
