// 邀请成员: the street office invites an address to a role in a unit (invite_member). The role is
// the invitee's only once they sign in and accept (the dashboard); until then the invitation waits
// under the members (待接受的邀请). A new address gets an account with the initial password set
// here; an address that has one keeps its own password (the office is not told which).
import { useCan, useInvalidate, useTranslation } from '@refinedev/core';
import { createSchemaFieldRule } from 'antd-zod';
import { App, Button, Form, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { GRANTABLE_ROLES, MEMBER_UNIT_KINDS } from '@/registry/workflows';
import type { Enums } from '@/types/database';
import { i18n } from '@/i18n';
import { FieldInput } from '@/pages/generic/fields';
import { toHttpError } from '@/providers/data-provider';
import { supabaseClient } from '@/providers/supabase-client';
import type { FieldDef } from '@/registry/types';

const FIELDS: FieldDef[] = [
  { name: 'email', label: 'memberships.fields.email', kind: 'email' },
  { name: 'full_name', label: 'memberships.fields.full_name', kind: 'text' },
  { name: 'password', label: 'memberships.fields.password', kind: 'password' },
  { name: 'unit_id', label: 'memberships.fields.unit_id', kind: 'reference', reference: { resource: 'units', labelField: 'name', embed: 'unit', kinds: MEMBER_UNIT_KINDS } },
  { name: 'role', label: 'memberships.fields.role', kind: 'enum', options: GRANTABLE_ROLES, optionPrefix: 'memberships.roles' },
];

const inviteSchema = () =>
  z.object({
    email: z.email({ error: i18n.t('memberships.rules.emailInvalid') }),
    full_name: z.string({ error: i18n.t('memberships.rules.nameRequired') }).trim().min(1, i18n.t('memberships.rules.nameRequired')).max(50, i18n.t('memberships.rules.nameTooLong')),
    password: z.string({ error: i18n.t('memberships.rules.passwordTooShort') }).min(8, i18n.t('memberships.rules.passwordTooShort')),
    unit_id: z.number({ error: i18n.t('memberships.rules.unitRequired') }),
    role: z.enum(GRANTABLE_ROLES as [string, ...string[]], { error: i18n.t('memberships.rules.roleRequired') }),
  });

export default function InviteMember() {
  const { translate, getLocale } = useTranslation();
  const { data: can } = useCan({ resource: 'memberships', action: 'delete' });
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const locale = getLocale();
  const rule = useMemo(() => createSchemaFieldRule(inviteSchema()), [locale]);
  if (!can?.can) return null;

  async function submit() {
    // Invalid fields show their errors; nothing is sent.
    const checked: unknown = await form.validateFields().catch(() => null);
    if (!checked) return;
    const values = inviteSchema().parse(checked);
    setSaving(true);
    const { error } = await supabaseClient.rpc('invite_member', {
      p_email: values.email, p_full_name: values.full_name, p_password: values.password, p_unit_id: values.unit_id,
      // One of GRANTABLE_ROLES: the enum's values, the plugins' among them.
      p_role: values.role as Enums<'member_role'>,
    });
    setSaving(false);
    if (error) {
      const http = toHttpError(error);
      const fieldErrors = Object.entries(http.errors ?? {}).map(([name, errors]) => ({ name, errors: errors as string[] }));
      if (fieldErrors.length) form.setFields(fieldErrors);
      else void message.error(http.message);
      return;
    }
    void message.success({ content: translate('memberships.invited', { name: values.full_name }), duration: 6 });
    form.resetFields();
    setOpen(false);
    await invalidate({ resource: 'member_invitations', invalidates: ['list'] });
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>{translate('memberships.invite')}</Button>
      <Modal
        title={translate('memberships.invite')}
        open={open}
        onOk={submit}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        // The first field takes the focus (type at once, and Esc closes from there), unless the
        // user is already in a field: taking it then would close an open unit or role list.
        afterOpenChange={(opened) => {
          const inField = document.activeElement?.matches('.ant-modal input, .ant-modal textarea');
          if (opened && !inField) document.getElementById('invite_email')?.focus();
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
          {translate('memberships.inviteHint')}
        </Typography.Paragraph>
        {/* Enter in a field submits, as 确定 does (Esc closes, as every antd dialog). */}
        <Form form={form} name="invite" layout="vertical" onFinish={() => void submit()}>
          {FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={translate(f.label)} rules={[rule]} validateTrigger={['onChange', 'onBlur']}>
              <FieldInput field={f} />
            </Form.Item>
          ))}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </Modal>
    </>
  );
}
