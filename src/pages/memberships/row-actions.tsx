// A member's row, for the street office: 重置密码 and 停用账号 / 启用账号.
import { Space } from 'antd';
import type { Tables } from '@/lib/rows';
import DisableMember from './disable';
import ResetMemberPassword from './reset-password';

/** A row of the members list: its select in src/registry/resources.tsx. */
export type MemberRow = Pick<Tables<'memberships'>, 'user_id'> & { profile: Pick<Tables<'profiles'>, 'full_name' | 'email' | 'disabled'> | null };

export default function MemberRowActions({ record }: { record: Record<string, unknown> }) {
  // The generic list hands every resource's rows on as plain records (Refine's data provider is
  // untyped); these are the members list's.
  const member = record as MemberRow;
  return (
    <Space size="small">
      <ResetMemberPassword member={member} />
      <DisableMember member={member} />
    </Space>
  );
}
