import { Create, Edit, useForm } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { createSchemaFieldRule } from 'antd-zod';
import { Form } from 'antd';
import type { FormProps } from 'antd';
import { useMemo } from 'react';
import { z } from 'zod';
import type { ResourceDef } from '@/registry/types';
import { FieldInput } from './fields';

function ResourceForm({ def, formProps, mode }: { def: ResourceDef; formProps: FormProps; mode: 'create' | 'edit' }) {
  const { translate, getLocale } = useTranslation();
  const locale = getLocale();
  // Rebuilt when the language changes, so the rules speak it.
  const schema = useMemo(() => def.schema?.(), [def, locale]);
  const rule = useMemo(() => (schema ? createSchemaFieldRule(schema) : undefined), [schema]);
  const fields = def.fields.filter((f) => f.form === 'both' || (f.form === 'create' && mode === 'create'));
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 640 }}>
      {fields.map((f) => {
        const shape = schema?.shape[f.name];
        const options = shape instanceof z.ZodEnum ? (shape.options as string[]) : undefined;
        return (
          <Form.Item key={f.name} name={f.name} label={translate(f.label)} rules={rule ? [rule] : []} validateTrigger={['onChange', 'onBlur']}>
            <FieldInput field={f} options={options} />
          </Form.Item>
        );
      })}
    </Form>
  );
}

export function GenericCreate({ def }: { def: ResourceDef }) {
  const { formProps, saveButtonProps } = useForm({ resource: def.name, redirect: 'list' });
  const { translate } = useTranslation();
  return (
    <Create title={`${translate('actions.create')}${translate(def.label)}`} saveButtonProps={saveButtonProps}>
      <ResourceForm def={def} formProps={formProps} mode="create" />
    </Create>
  );
}

export function GenericEdit({ def }: { def: ResourceDef }) {
  const { formProps, saveButtonProps } = useForm({ resource: def.name, action: 'edit', redirect: 'list' });
  const { translate } = useTranslation();
  return (
    <Edit title={`${translate('actions.edit')}${translate(def.label)}`} saveButtonProps={saveButtonProps}>
      <ResourceForm def={def} formProps={formProps} mode="edit" />
    </Edit>
  );
}
