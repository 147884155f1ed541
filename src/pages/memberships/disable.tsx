// 停用/启用账号 on a member's row (set_user_disabled): the account loses access on its next request.
// Not on the office's own row: the database refuses to disable one's own account.
import { useCan, useGetIdentity, useInvalidate, useTranslation } from '@refinedev/core';
import { App, Button, Popconfirm } from 'antd';
import type { Identity } from '@/providers/auth-provider';
import { toHttpError } from '@/providers/data-provider';
import { supabaseClient } from '@/providers/supabase-client';
import type { MemberRow } from './row-actions';

export default function DisableMember({ member }: { member: MemberRow }) {
  const { translate } = useTranslation();
  const { data: can } = useCan({ resource: 'memberships', action: 'delete' });
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const { data: me } = useGetIdentity<Identity>();
  const disabled = Boolean(member.profile?.disabled);
  if (!can?.can || !me || member.user_id === me.id) return null;

  async function toggle() {
    const { error } = await supabaseClient.rpc('set_user_disabled', { p_user_id: member.user_id, p_disabled: !disabled });
    if (error) return void message.error(toHttpError(error).message);
    await invalidate({ resource: 'memberships', invalidates: ['list'] });
  }

  return disabled ? (
    <Button size="small" onClick={toggle}>{translate('memberships.enable')}</Button>
  ) : (
    <Popconfirm title={translate('memberships.disableConfirm')} onConfirm={toggle}>
      <Button size="small" danger>{translate('memberships.disable')}</Button>
    </Popconfirm>
  );
}
