// How a field of a resource is shown in a list and edited in a form, by its kind.
import { useSelect } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { Input, Select, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates';
import type { FieldDef } from '@/registry/types';

export function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), record);
}

export function FieldValue({ field, record }: { field: FieldDef; record: Record<string, unknown> }) {
  const { translate } = useTranslation();
  const value = valueAt(record, field.path ?? field.name);
  if (value === null || value === undefined || value === '') return <>{translate('common.none')}</>;
  if (field.kind === 'enum') return <Tag>{translate(`${field.optionPrefix}.${String(value)}`)}</Tag>;
  if (field.kind === 'datetime') return <>{formatDateTime(String(value))}</>;
  return <>{String(value)}</>;
}

/** `refused`: ids offered greyed, each with why it cannot be chosen (a start rule's words, say). */
export function ReferenceSelect({ id, field, value, onChange, refused }: {
  id?: string;
  field: FieldDef;
  value?: number;
  onChange?: (v: number) => void;
  refused?: ReadonlyMap<number, string>;
}) {
  const ref = field.reference!;
  const { selectProps } = useSelect({
    resource: ref.resource,
    optionLabel: ref.labelField as never,
    optionValue: 'id' as never,
    filters: ref.kinds ? [{ field: 'kind', operator: 'in', value: ref.kinds }] : [],
    onSearch: (text) => [{ field: ref.labelField, operator: 'contains', value: text }],
    pagination: { pageSize: 50, mode: 'server' },
  });
  const options = refused?.size
    ? selectProps.options?.map((o) => {
        const reason = refused.get(Number(o.value));
        return reason ? { ...o, disabled: true, title: reason, label: <span>{o.label}<Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{reason}</Typography.Text></span> } : o;
      })
    : selectProps.options;
  return (
    <Select
      {...selectProps}
      options={options}
      id={id}
      value={value as never}
      onChange={(v) => onChange?.(v as unknown as number)}
      showSearch
      allowClear
      style={{ minWidth: 200 }}
      // Wide enough for a refused option's reason beside its name.
      popupMatchSelectWidth={refused?.size ? 420 : true}
    />
  );
}

/** Form.Item passes id (which ties the label to the control), value and onChange. */
export function FieldInput({ id, field, options, value, onChange }: { id?: string; field: FieldDef; options?: readonly string[]; value?: unknown; onChange?: (v: unknown) => void }) {
  const { translate } = useTranslation();
  switch (field.kind) {
    case 'enum':
      return (
        <Select
          id={id}
          value={value as string | undefined}
          onChange={onChange}
          allowClear
          style={{ minWidth: 140 }}
          options={(options ?? field.options ?? []).map((o) => ({ value: o, label: translate(`${field.optionPrefix}.${o}`) }))}
        />
      );
    case 'reference':
      return <ReferenceSelect id={id} field={field} value={value as number | undefined} onChange={onChange} />;
    case 'password':
      return <Input.Password id={id} value={value as string | undefined} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" />;
    default:
      return <Input id={id} value={value as string | undefined} onChange={(e) => onChange?.(e.target.value)} allowClear />;
  }
}
