// 修改密码 in the user menu, for everyone: the new password typed twice. GoTrue ends the user's
// other sessions and keeps this one.
import { useTranslation } from '@refinedev/core';
import { Alert, App, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ChangePasswordForm } from './password-form';

export default function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal title={translate('password.change')} open onCancel={onClose} footer={null} destroyOnHidden width={420}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
        {translate('password.hint')}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <ChangePasswordForm
        name="change-password"
        submitLabel={translate('password.submit')}
        onFailure={setFailure}
        onDone={() => {
          void message.success({ content: translate('password.changed'), duration: 6 });
          onClose();
        }}
      />
    </Modal>
  );
}
