// 重置密码 on a member's row (reset_member_password): a member who forgot the password gets a new
// initial one from the office of their street. Every sign-in of theirs ends at once, and after
// signing in with the new one they must set their own (修改密码) before anything else. Not on the
// office's own row: one's own password is changed from the user menu.
import { useCan, useGetIdentity, useTranslation } from '@refinedev/core';
import { createSchemaFieldRule } from 'antd-zod';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { i18n } from '@/i18n';
import { passwordBytes, MAX_PASSWORD_BYTES } from '@/pages/account/password-form';
import type { Identity } from '@/providers/auth-provider';
import { toHttpError } from '@/providers/data-provider';
import { supabaseClient } from '@/providers/supabase-client';
import type { MemberRow } from './row-actions';

const resetSchema = () =>
  z.object({
    password: z
      .string({ error: i18n.t('memberships.reset.rules.required') })
      .min(1, i18n.t('memberships.reset.rules.required'))
      .min(8, i18n.t('memberships.reset.rules.tooShort'))
      .refine((v) => passwordBytes(v) <= MAX_PASSWORD_BYTES, i18n.t('memberships.reset.rules.tooLong')),
  });

export default function ResetMemberPassword({ member }: { member: MemberRow }) {
  const { translate, getLocale } = useTranslation();
  const { data: can } = useCan({ resource: 'memberships', action: 'delete' });
  const { data: me } = useGetIdentity<Identity>();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const locale = getLocale();
  const rule = useMemo(() => createSchemaFieldRule(resetSchema()), [locale]);
  if (!can?.can || !me || member.user_id === me.id) return null;

  const name = member.profile?.full_name || member.profile?.email || '';

  async function submit() {
    const checked: unknown = await form.validateFields().catch(() => null);
    if (!checked) return;
    const values = resetSchema().parse(checked);
    setSaving(true);
    const { error } = await supabaseClient.rpc('reset_member_password', { p_user_id: member.user_id, p_password: values.password });
    setSaving(false);
    if (error) {
      const http = toHttpError(error);
      const fieldErrors = Object.entries(http.errors ?? {}).map(([field, errors]) => ({ name: field, errors: errors as string[] }));
      if (fieldErrors.length) form.setFields(fieldErrors);
      else void message.error(http.message);
      return;
    }
    void message.success({ content: translate('memberships.reset.done', { name }), duration: 8 });
    form.resetFields();
    setOpen(false);
  }

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{translate('memberships.reset.action')}</Button>
      <Modal
        title={translate('memberships.reset.title', { name })}
        open={open}
        onOk={submit}
        okText={translate('memberships.reset.submit')}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        afterOpenChange={(opened) => opened && document.getElementById('reset-password_password')?.focus()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
          {translate('memberships.reset.hint', { name, email: member.profile?.email ?? '' })}
        </Typography.Paragraph>
        {/* Enter in the field submits, as 重置 does (Esc closes). */}
        <Form form={form} name="reset-password" layout="vertical" onFinish={() => void submit()}>
          <Form.Item name="password" label={translate('memberships.reset.password')} rules={[rule]} validateTrigger={['onChange', 'onBlur']}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
