// A workflow's form as it reads when no one may change it now (a reviewer's, or the filer's once
// submitted): a dense description list in the normal text colour, not pale disabled inputs.
// Lists are tags, long text wraps, an empty field says so; what changed since the last
// submission is marked after its value, with the value it had then on hover.
import { useTranslation } from '@refinedev/core';
import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { fieldLabel, optionLabel } from '@/workflow/errors';
import type { WorkflowPlugin } from '@/workflow/types';

/** One line of the view; every part but the key is optional (the schema's field by default). */
export interface SchemaViewField {
  key: string;
  /** Default: the field's label (workflows.<name>.fields.<key>). */
  label?: ReactNode;
  /** The value as shown; default: from the value's type (text, number, tags, 是/否). */
  render?: (value: unknown) => ReactNode;
  /** The value as words, for the tooltip of a changed field; default: String(value), lists joined. */
  text?: (value: unknown) => string;
  /** Columns it spans, 'row' for the whole row; long text (a string of more than 100) takes the whole row. */
  span?: number | 'row';
  /** Not compared with the last submission (a name from the subject, say). */
  fixed?: boolean;
}

const empty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || (empty(a) && empty(b));

function defaultText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function DefaultValue({ value, yes, no }: { value: unknown; yes: string; no: string }) {
  if (typeof value === 'boolean') return <>{value ? yes : no}</>;
  if (Array.isArray(value)) {
    return (
      <Space size={[4, 4]} wrap>
        {value.map((v, i) => <Tag key={i} style={{ marginInlineEnd: 0 }}>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</Tag>)}
      </Space>
    );
  }
  if (typeof value === 'object' && value !== null) return <>{JSON.stringify(value)}</>;
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{String(value)}</span>;
}

/**
 * The form's fields (the schema's, or `fields` in their order) as label and value. With
 * `previous` (the form as last submitted), a field whose value differs is tagged 本次修改 after
 * its value, the earlier value in the tag's tooltip.
 */
export function SchemaView({ plugin, schema, values, fields, previous, column = 2, testId = 'schema-view' }: {
  plugin: WorkflowPlugin;
  schema?: z.ZodObject;
  values: Record<string, unknown>;
  fields?: SchemaViewField[];
  previous?: Record<string, unknown> | null;
  /** Label-and-value pairs per row. */
  column?: number;
  testId?: string;
}) {
  const { translate } = useTranslation();
  const list: SchemaViewField[] = fields ?? Object.keys(schema?.shape ?? values).map((key) => ({ key }));
  const inner = (key: string) => {
    let field = schema?.shape[key] as z.ZodType | undefined;
    while (field instanceof z.ZodOptional || field instanceof z.ZodNullable || field instanceof z.ZodDefault) field = field.unwrap() as z.ZodType;
    return field;
  };
  const longText = (key: string) => {
    const field = inner(key);
    return field instanceof z.ZodString && (field.maxLength ?? 0) > 100;
  };
  // An enum's value reads as its option's words.
  const asOption = (key: string) => (inner(key) instanceof z.ZodEnum ? (v: unknown) => optionLabel(plugin, key, String(v)) : undefined);

  return (
    <Descriptions
      size="small"
      bordered
      column={column}
      data-testid={testId}
      styles={{ label: { whiteSpace: 'nowrap', width: '8em', color: 'rgba(0, 0, 0, 0.65)' }, content: { color: 'rgba(0, 0, 0, 0.88)', minWidth: '6em' } }}
      items={list.map((field) => {
        const value = values[field.key];
        const option = asOption(field.key);
        const text = (v: unknown) => (empty(v) ? translate('formView.empty') : (field.text ?? option ?? defaultText)(v));
        const changed = !!previous && !field.fixed && !sameValue(previous[field.key], value);
        const shown = field.render
          ? field.render(value)
          : empty(value)
            ? <Typography.Text type="secondary">{translate('formView.empty')}</Typography.Text>
            : option
              ? option(value)
              : <DefaultValue value={value} yes={translate('formView.yes')} no={translate('formView.no')} />;
        return {
          key: field.key,
          label: field.label ?? fieldLabel(plugin, field.key),
          span: field.span === 'row' || (field.span === undefined && longText(field.key)) ? column : (field.span ?? 1),
          children: (
            <span data-testid={`view-${field.key}`}>
              {shown}
              {changed && (
                <Tooltip title={translate('formView.before', { value: text(previous[field.key]) })}>
                  <Tag color="orange" bordered={false} style={{ marginInlineStart: 8, verticalAlign: 'baseline' }} data-testid={`changed-${field.key}`}>
                    {translate('formView.changed')}
                  </Tag>
                </Tooltip>
              )}
            </span>
          ),
        };
      })}
    />
  );
}
