// 撤回 on a pending invitation (revoke_invitation): the invitee can no longer accept it. The
// office alone withdraws; the street's reviewers and viewers see the list only.
import { useCan, useInvalidate, useTranslation } from '@refinedev/core';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import type { Tables } from '@/lib/rows';
import { toHttpError } from '@/providers/data-provider';
import { supabaseClient } from '@/providers/supabase-client';

export default function RevokeInvitation({ record }: { record: Record<string, unknown> }) {
  // A row of the pending invitations' list (the generic list's rows are plain records).
  const invitation = record as Pick<Tables<'member_invitations'>, 'id' | 'email'>;
  const { translate } = useTranslation();
  // Whoever may manage the members (the office) may withdraw an invitation to become one.
  const { data: can } = useCan({ resource: 'memberships', action: 'delete' });
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!can?.can) return null;

  async function revoke() {
    setBusy(true);
    const { error } = await supabaseClient.rpc('revoke_invitation', { p_invitation_id: invitation.id });
    setBusy(false);
    // Already accepted or declined meanwhile: say so, and show the list as it is now.
    if (error) void message.error(toHttpError(error).message);
    else void message.success(translate('invitations.revoked', { email: invitation.email }));
    await invalidate({ resource: 'member_invitations', invalidates: ['list'] });
  }

  return (
    <Popconfirm
      title={translate('invitations.revokeConfirm')}
      description={translate('invitations.revokeConfirmDetail', { email: invitation.email })}
      okText={translate('invitations.revoke')}
      okButtonProps={{ danger: true }}
      onConfirm={revoke}
    >
      <Button size="small" danger loading={busy}>{translate('invitations.revoke')}</Button>
    </Popconfirm>
  );
}
