import { DeleteButton, EditButton, List, useTable } from '@refinedev/antd';
import { useCan, useTranslation, type CrudFilter } from '@refinedev/core';
import { Button, Form, Space, Table } from 'antd';
import { Suspense } from 'react';
import type { ResourceDef } from '@/registry/types';
import { FieldInput, FieldValue } from './fields';

export function GenericList({ def }: { def: ResourceDef }) {
  const { translate } = useTranslation();
  const filterable = def.fields.filter((f) => f.filter);
  const { tableProps, searchFormProps } = useTable<Record<string, unknown>>({
    resource: def.name,
    meta: { select: def.select },
    sorters: { initial: def.defaultSort ? [def.defaultSort] : [] },
    pagination: { pageSize: 50 },
    onSearch: (data) => {
      const values = data as Record<string, unknown>;
      return filterable.map((f): CrudFilter => ({ field: f.name, operator: f.filter!, value: values[f.name] === '' ? undefined : values[f.name] }));
    },
  });
  const { data: canEdit } = useCan({ resource: def.name, action: 'edit' });
  const { data: canDelete } = useCan({ resource: def.name, action: 'delete' });
  const RowActions = def.rowActions;
  const ListActions = def.listActions;
  const hasActions = canEdit?.can || canDelete?.can || RowActions;

  return (
    <List
      title={translate(def.label)}
      headerButtons={({ defaultButtons }) => (
        <Space>
          {ListActions && (
            <Suspense>
              <ListActions />
            </Suspense>
          )}
          {defaultButtons}
        </Space>
      )}
    >
      {filterable.length > 0 && (
        <Form {...searchFormProps} name="filters" layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
          {filterable.map((f) => (
            <Form.Item key={f.name} name={f.name} label={translate(f.label)}>
              <FieldInput field={f} />
            </Form.Item>
          ))}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">{translate('common.search')}</Button>
              <Button onClick={() => { searchFormProps.form?.resetFields(); searchFormProps.form?.submit(); }}>{translate('common.reset')}</Button>
            </Space>
          </Form.Item>
        </Form>
      )}
      <Table
        {...tableProps}
        rowKey="id"
        size="small"
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate('common.total', { total }), showSizeChanger: true }}
      >
        {def.fields.filter((f) => f.list).map((f) => (
          <Table.Column<Record<string, unknown>>
            key={f.name}
            dataIndex={(f.path ?? f.name).split('.')}
            title={translate(f.label)}
            width={f.width}
            sorter={!f.path}
            render={(_, record) => <FieldValue field={f} record={record} />}
          />
        ))}
        {hasActions && (
          <Table.Column<Record<string, unknown>>
            key="actions"
            title={translate('table.actions')}
            fixed="right"
            render={(_, record) => (
              <Space size="small">
                <EditButton hideText size="small" recordItemId={record.id as number} />
                <DeleteButton hideText size="small" recordItemId={record.id as number} />
                {RowActions && (
                  <Suspense>
                    <RowActions record={record} />
                  </Suspense>
                )}
              </Space>
            )}
          />
        )}
      </Table>
    </List>
  );
}
