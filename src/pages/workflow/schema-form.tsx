// Form fields generated from a zod object schema: the payload of an event, or a workflow's form.
// Each field validates as the user types, with the schema's rules in the user's language.
import { useTranslation } from '@refinedev/core';
import { createSchemaFieldRule } from 'antd-zod';
import { Form, Input, InputNumber, Select, Switch, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { fieldLabel } from '@/workflow/errors';
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

function control(schema: z.ZodType) {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return <InputNumber style={{ width: 160 }} />;
  if (inner instanceof z.ZodBoolean) return <Switch />;
  if (inner instanceof z.ZodEnum) return <Select options={(inner.options as string[]).map((o) => ({ value: o, label: o }))} allowClear />;
  if (inner instanceof z.ZodArray) return <Select mode="tags" open={false} tokenSeparators={['，', ',']} />;
  const max = inner instanceof z.ZodString ? inner.maxLength : null;
  return max !== null && max > 100 ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={max} /> : <Input allowClear />;
}

export function SchemaForm({ plugin, schema, form, name, initialValues }: {
  plugin: WorkflowPlugin;
  schema: z.ZodObject;
  form: FormInstance;
  name: string;
  initialValues?: Record<string, unknown>;
}) {
  useZodLocale();
  const rule = useMemo(() => createSchemaFieldRule(schema), [schema]);
  const fields = Object.entries(schema.shape) as [string, z.ZodType][];
  return (
    <Form form={form} name={name} layout="vertical" initialValues={initialValues} preserve={false}>
      {fields.map(([key, field]) => (
        <Form.Item
          key={key}
          name={key}
          label={fieldLabel(plugin, key)}
          required={!(field instanceof z.ZodOptional)}
          rules={[rule]}
          validateTrigger={['onChange', 'onBlur']}
          valuePropName={unwrap(field) instanceof z.ZodBoolean ? 'checked' : 'value'}
        >
          {control(field)}
        </Form.Item>
      ))}
    </Form>
  );
}

/** The form's values as the schema reads them: empty inputs are absent, not "". */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
