// 修改密码: a new password typed twice, validated as it is typed (zod + antd-zod, Chinese messages
// naming the field), then supabase.auth.updateUser({ password }). GoTrue refuses the password the
// account has (422 same_password) and a short one (422 weak_password); either is said in Chinese
// beside the field. The database clears profiles.must_change_password with the change.
import { useTranslation } from '@refinedev/core';
import type { AuthError } from '@supabase/supabase-js';
import { createSchemaFieldRule } from 'antd-zod';
import { Button, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { usePasswordChanged } from '@/access/password';
import { i18n } from '@/i18n';
import { supabaseClient } from '@/providers/supabase-client';

/** bcrypt reads 72 bytes; GoTrue refuses a longer password. */
export const MAX_PASSWORD_BYTES = 72;
export const passwordBytes = (value: string) => new TextEncoder().encode(value).length;

const changeSchema = () =>
  z
    .object({
      password: z
        .string({ error: i18n.t('password.rules.required') })
        .min(1, i18n.t('password.rules.required'))
        .min(8, i18n.t('password.rules.tooShort'))
        .refine((v) => passwordBytes(v) <= MAX_PASSWORD_BYTES, i18n.t('password.rules.tooLong')),
      confirm: z.string({ error: i18n.t('password.rules.confirmRequired') }).min(1, i18n.t('password.rules.confirmRequired')),
    })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], error: i18n.t('password.rules.mismatch') });

/** What GoTrue answered, in Chinese: for the field when it is about the password. */
export function changePasswordError(error: AuthError): { field?: 'password'; message: string } {
  if (error.code === 'same_password') return { field: 'password', message: i18n.t('password.errors.same_password') };
  if (error.code === 'weak_password') return { field: 'password', message: i18n.t('password.rules.tooShort') };
  if (error.code === 'validation_failed' && /longer than/.test(error.message)) return { field: 'password', message: i18n.t('password.rules.tooLong') };
  if (['session_not_found', 'bad_jwt', 'user_not_found'].includes(error.code ?? '') || error.name === 'AuthSessionMissingError') {
    return { message: i18n.t('password.errors.session') };
  }
  if (error.code === 'user_banned') return { message: i18n.t('auth.errors.user_banned') };
  if (error.status === 0 || error.name === 'AuthRetryableFetchError') return { message: i18n.t('auth.errors.network') };
  return { message: i18n.t('password.errors.unknown', { message: error.message }) };
}

export function ChangePasswordForm({
  name,
  submitLabel,
  onDone,
  onFailure,
  footer,
}: {
  name: string;
  submitLabel: string;
  onDone: () => void;
  /** A failure not about the password field (the session, the network). */
  onFailure: (message: string) => void;
  footer?: React.ReactNode;
}) {
  const { translate, getLocale } = useTranslation();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const changed = usePasswordChanged();
  const locale = getLocale();
  const rule = useMemo(() => createSchemaFieldRule(changeSchema()), [locale]);

  async function submit() {
    const values = changeSchema().parse(await form.validateFields());
    setSaving(true);
    const { error } = await supabaseClient.auth.updateUser({ password: values.password });
    setSaving(false);
    if (error) {
      const failure = changePasswordError(error);
      if (failure.field) form.setFields([{ name: failure.field, errors: [failure.message] }]);
      else onFailure(failure.message);
      return;
    }
    form.resetFields();
    changed();
    onDone();
  }

  return (
    <Form form={form} name={name} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item name="password" label={translate('password.fields.password')} rules={[rule]} validateTrigger={['onChange', 'onBlur']}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={translate('password.fields.confirm')}
        rules={[rule]}
        dependencies={['password']}
        validateTrigger={['onChange', 'onBlur']}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: footer ? 8 : 0 }}>
        <Button type="primary" htmlType="submit" loading={saving} block>
          {submitLabel}
        </Button>
      </Form.Item>
      {footer}
    </Form>
  );
}
