// A member's row, for the street office: 重置密码 and 停用账号 / 启用账号.
import { Space } from 'antd';
import DisableMember from './disable';
import ResetMemberPassword from './reset-password';

export default function MemberRowActions({ record }: { record: Record<string, unknown> }) {
  return (
    <Space size="small">
      <ResetMemberPassword record={record} />
      <DisableMember record={record} />
    </Space>
  );
}
