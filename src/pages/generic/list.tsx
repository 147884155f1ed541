import { DeleteButton, EditButton, List, useTable } from '@refinedev/antd';
import { CanAccess, useCan, useGetIdentity, useTranslation, type CrudFilter } from '@refinedev/core';
import { Button, Card, Empty, Form, Space, Table, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { i18n } from '@/i18n';
import { TableToolbar, useTableSettings } from '@/components/table-toolbar';
import { RESOURCES } from '@/registry/resources';
import type { Identity } from '@/providers/auth-provider';
import type { ResourceDef } from '@/registry/types';
import { FieldInput, FieldValue } from './fields';

const NO_FILTERS: CrudFilter[] = [];

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * What an empty list says: that the filters leave nothing (and how to clear them), or that there
 * is none yet and how to add one (emptyHints.<resource>.create for those who may add,
 * .none for the others; the resource's own emptyText where it has one).
 */
/** What a row is called: its first listed text field (a unit's name, a member's full name). */
function recordName(def: ResourceDef, record: Record<string, unknown>): string {
  const field = def.fields.find((f) => f.list && f.kind === 'text');
  const value = field && (field.path ?? field.name).split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], record);
  return typeof value === 'string' ? value : String(record.id);
}

function emptyText(def: ResourceDef, filtered: boolean, canAdd: boolean): string {
  if (filtered) return i18n.t('emptyHints.filtered');
  if (def.emptyText) return i18n.t(def.emptyText);
  const key = `emptyHints.${def.name}.${canAdd ? 'create' : 'none'}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('emptyHints.none');
}

/**
 * A resource's table with its filters. A section (def.shownIn) keeps its paging out of the
 * address, which belongs to the page's own list, and shows ten rows a page.
 */
function ResourceTable({ def, section = false }: { def: ResourceDef; section?: boolean }) {
  const { translate } = useTranslation();
  const filterable = def.fields.filter((f) => f.filter);
  const { tableProps, searchFormProps, tableQuery, filters } = useTable<Record<string, unknown>>({
    resource: def.name,
    meta: { select: def.select },
    sorters: { initial: def.defaultSort ? [def.defaultSort] : [] },
    filters: { permanent: def.filters ?? NO_FILTERS },
    pagination: { pageSize: section ? 10 : 50 },
    syncWithLocation: section ? false : undefined,
    onSearch: (data) => {
      const values = data as Record<string, unknown>;
      return filterable.map((f): CrudFilter => ({ field: f.name, operator: f.filter!, value: values[f.name] === '' ? undefined : values[f.name] }));
    },
  });
  const { data: canEdit } = useCan({ resource: def.name, action: 'edit' });
  const { data: canDelete } = useCan({ resource: def.name, action: 'delete' });
  const { data: canCreate } = useCan({ resource: def.name, action: 'create' });
  const listed = def.fields.filter((f) => f.list);
  const toggleable = useMemo(() => def.fields.filter((f) => f.list).map((f) => ({ key: f.name, title: translate(f.label) })), [def, translate]);
  const settings = useTableSettings(`generic.${def.name}`, toggleable);
  const filtered = filters.some((f) => 'field' in f && filterable.some((d) => d.name === f.field) && isSet(f.value));
  // Who may add one: 新建, or the list's own action beside it (邀请成员, for those who manage the members).
  const canAdd = !!canCreate?.can || (!!def.listActions && !!canDelete?.can);
  const { data: me } = useGetIdentity<Identity>();
  const RowActions = def.rowActions;
  const ownRow = (record: Record<string, unknown>) => !!def.ownRowField && !!me && record[def.ownRowField] === me.id;
  const hasActions = canEdit?.can || canDelete?.can || RowActions;

  const toolbar = <TableToolbar settings={settings} onRefresh={() => void tableQuery.refetch()} refreshing={tableQuery.isFetching} />;

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8, marginBottom: 12 }}>
        {filterable.length > 0 && (
          <Form {...searchFormProps} name={section ? `filters-${def.name}` : 'filters'} layout="inline" style={{ flex: 1, rowGap: 8 }}>
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
        <div style={{ marginLeft: 'auto' }}>{toolbar}</div>
      </div>
      <Table
        {...tableProps}
        rowKey="id"
        size={settings.size}
        data-testid={`${def.name}-table`}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText(def, filtered, canAdd)} data-testid={`${def.name}-empty`} /> }}
        pagination={{
          ...tableProps.pagination,
          showTotal: (count) => translate('common.total', { total: count }),
          showSizeChanger: !section,
          hideOnSinglePage: section,
        }}
      >
        {listed.filter((f) => settings.visible(f.name)).map((f) => (
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
                <EditButton resource={def.name} hideText size="small" recordItemId={record.id as number} />
                {!ownRow(record) && (
                  <DeleteButton
                    resource={def.name}
                    hideText
                    size="small"
                    recordItemId={record.id as number}
                    // Says what goes, by its name (Refine's own asks "确定要这样做吗？").
                    confirmTitle={translate('table.deleteConfirm', { resource: translate(def.label), name: recordName(def, record) })}
                  />
                )}
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
    </>
  );
}

/** A section under a page's list: its own card, shown to those who may list it. */
function ListSection({ def }: { def: ResourceDef }) {
  const { translate } = useTranslation();
  return (
    <CanAccess resource={def.name} action="list">
      <Card
        size="small"
        style={{ marginTop: 12 }}
        data-testid={`${def.name}-section`}
        title={
          <Space size={12}>
            <span>{translate(def.label)}</span>
            {def.description && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {translate(def.description)}
              </Typography.Text>
            )}
          </Space>
        }
      >
        <ResourceTable def={def} section />
      </Card>
    </CanAccess>
  );
}

export function GenericList({ def }: { def: ResourceDef }) {
  const { translate } = useTranslation();
  const ListActions = def.listActions;
  const sections = RESOURCES.filter((r) => r.shownIn === def.name);

  return (
    <>
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
        <ResourceTable def={def} />
      </List>
      {sections.map((section) => (
        <ListSection key={section.name} def={section} />
      ))}
    </>
  );
}
