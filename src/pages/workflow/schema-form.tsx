// Form fields generated from a zod object schema: the payload of an event, or a workflow's form.
// Each field validates as the user types, with the schema's rules in the user's language.
import { useTranslation } from '@refinedev/core';
import { Form, Input, InputNumber, Select, Switch, type FormInstance, type FormRule } from 'antd';
import { useMemo } from 'react';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { i18n } from '@/i18n';
import { fieldLabel, optionLabel } from '@/workflow/errors';
import type { WorkflowPlugin } from '@/workflow/types';

// zod's own messages, in Chinese when the admin is (they stand under the field they concern).
export function useZodLocale() {
  const { getLocale } = useTranslation();
  const locale = getLocale();
  useMemo(() => z.config(locale === 'en' ? en() : zhCN()), [locale]);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

function control(schema: z.ZodType, option: (value: string) => string) {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return <InputNumber style={{ width: 160 }} />;
  if (inner instanceof z.ZodBoolean) return <Switch />;
  if (inner instanceof z.ZodEnum) return <Select options={(inner.options as string[]).map((o) => ({ value: o, label: option(o) }))} allowClear />;
  if (inner instanceof z.ZodArray) return <Select mode="tags" open={false} tokenSeparators={['，', ',']} />;
  const max = inner instanceof z.ZodString ? inner.maxLength : null;
  return max !== null && max > 100 ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={max} /> : <Input allowClear />;
}

/** A zod message as the user reads it: a plugin's rule key translated, zod's own after the field's name. */
function fieldMessage(plugin: WorkflowPlugin, key: string, message: string): string {
  const field = fieldLabel(plugin, key);
  if (i18n.exists(message)) return i18n.t(message, { field });
  return i18n.t('workflow.fieldRule', { field, message });
}

/**
 * A field's rules: a required field left empty says so by name ("请填写退回意见"), then the
 * schema's own rule, every message in the user's language and naming the field.
 */
export function fieldRules(plugin: WorkflowPlugin, key: string, field: z.ZodType): FormRule[] {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  return [
    ...(field instanceof z.ZodOptional ? [] : [{ required: true, message: i18n.t('workflow.requiredField', { field: fieldLabel(plugin, key) }) }]),
    {
      validator: async (_rule, value: unknown) => {
        if (empty(value)) return;
        const result = field.safeParse(value);
        if (!result.success) throw new Error(fieldMessage(plugin, key, result.error.issues[0]?.message ?? ''));
      },
    },
  ];
}

/** Puts a failed parse's issues under the fields they concern, in the same words. */
export function showIssues(plugin: WorkflowPlugin, form: FormInstance, error: z.ZodError): void {
  form.setFields(error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return { name: key, errors: [fieldMessage(plugin, key, issue.message)] };
  }));
}

export function SchemaForm({ plugin, schema, form, name, initialValues }: {
  plugin: WorkflowPlugin;
  schema: z.ZodObject;
  form: FormInstance;
  name: string;
  initialValues?: Record<string, unknown>;
}) {
  useZodLocale();
  const fields = Object.entries(schema.shape) as [string, z.ZodType][];
  return (
    <Form form={form} name={name} layout="vertical" initialValues={initialValues} preserve={false}>
      {fields.map(([key, field]) => (
        <Form.Item
          key={key}
          name={key}
          label={fieldLabel(plugin, key)}
          required={!(field instanceof z.ZodOptional)}
          rules={fieldRules(plugin, key, field)}
          validateTrigger={['onChange', 'onBlur']}
          valuePropName={unwrap(field) instanceof z.ZodBoolean ? 'checked' : 'value'}
        >
          {control(field, (o) => optionLabel(plugin, key, o))}
        </Form.Item>
      ))}
    </Form>
  );
}

/** The form's values as the schema reads them: empty inputs are absent, not "". */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
