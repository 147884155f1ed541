// A table's toolbar, as admins in this field have it (antd-pro's, NocoBase's): 刷新, 密度 (antd's
// table sizes) and 列设置 (which columns show). The density and the hidden columns are each user's
// own, per table, in localStorage (qt.table.<user id>.<table>), so they hold across reloads.
import { ColumnHeightOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useGetIdentity, useTranslation } from '@refinedev/core';
import { Button, Checkbox, Divider, Dropdown, Popover, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type Key, type ReactNode } from 'react';

export type TableDensity = 'large' | 'middle' | 'small';
/** For a table that offers density and 刷新 only: a stable empty list of toggleable columns. */
export const NO_TOGGLEABLE_COLUMNS: ToggleableColumn[] = [];
const DENSITIES: TableDensity[] = ['large', 'middle', 'small'];

/** A column the user may show or hide: its key and its title as shown. */
export interface ToggleableColumn {
  key: string;
  title: ReactNode;
}

interface Stored {
  size?: TableDensity;
  hidden?: string[];
}

export const tableSettingsKey = (userId: string, tableKey: string) => `qt.table.${userId}.${tableKey}`;

function read(key: string | undefined): Stored {
  if (!key) return {};
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '{}') as Stored;
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function write(key: string, next: Stored) {
  try {
    if (!next.size && !next.hidden?.length) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(next));
  } catch {
    // storage full or refused: the setting holds for this visit only
  }
}

export interface TableSettings {
  tableKey: string;
  columns: ToggleableColumn[];
  size: TableDensity;
  setSize(size: TableDensity): void;
  hidden: ReadonlySet<string>;
  /** Whether the column shows (columns not in the list always do). */
  visible(key: string): boolean;
  setHidden(keys: string[]): void;
  reset(): void;
}

/**
 * The user's settings of one table: its density (defaultSize until they pick one) and which of
 * `columns` they hid. Keep `columns` stable (useMemo) or pass a new array only when they change.
 */
export function useTableSettings(tableKey: string, columns: ToggleableColumn[], defaultSize: TableDensity = 'small'): TableSettings {
  const { data: me } = useGetIdentity<{ id: string }>();
  const storageKey = me?.id ? tableSettingsKey(me.id, tableKey) : undefined;
  const [stored, setStored] = useState<Stored>(() => read(storageKey));
  // A pick made before the identity is known, kept until it can be saved under the user's key.
  const unsaved = useRef<Stored | null>(null);
  // The identity arrives after the first render: then the user's settings are read — or, when
  // they already picked something, what they picked is saved (it is newer than what was stored).
  // (an identity gone for a moment, while it is fetched again, keeps what is shown)
  useEffect(() => {
    if (!storageKey) return;
    if (unsaved.current) {
      write(storageKey, unsaved.current);
      unsaved.current = null;
    } else setStored(read(storageKey));
  }, [storageKey]);

  const save = useCallback(
    (next: Stored) => {
      setStored(next);
      if (storageKey) write(storageKey, next);
      else unsaved.current = next;
    },
    [storageKey],
  );

  return useMemo(() => {
    const known = new Set(columns.map((c) => c.key));
    const hidden = new Set((stored.hidden ?? []).filter((k) => known.has(k)));
    const size = stored.size && DENSITIES.includes(stored.size) ? stored.size : defaultSize;
    return {
      tableKey,
      columns,
      size,
      hidden,
      visible: (key: string) => !hidden.has(key),
      setSize: (next: TableDensity) => save({ ...stored, size: next }),
      setHidden: (keys: string[]) => save({ ...stored, hidden: keys }),
      reset: () => save({}),
    };
  }, [columns, stored, defaultSize, save, tableKey]);
}

/** Filters antd column definitions (with `key`) to the ones the user shows. */
export function visibleColumns<T extends { key?: Key }>(settings: TableSettings, columns: T[]): T[] {
  return columns.filter((c) => c.key === undefined || settings.visible(String(c.key)));
}

/** 刷新 · 密度 · 列设置, for a list's header or above its table. */
export function TableToolbar({ settings, onRefresh, refreshing, extra }: { settings: TableSettings; onRefresh?: () => void; refreshing?: boolean; extra?: ReactNode }) {
  const { translate } = useTranslation();
  const { columns, hidden } = settings;
  const shown = columns.filter((c) => !hidden.has(c.key)).map((c) => c.key);
  const testid = `${settings.tableKey}-toolbar`;

  const columnPanel = (
    <div style={{ minWidth: 160 }} data-testid={`${testid}-columns`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Checkbox
          indeterminate={shown.length > 0 && shown.length < columns.length}
          checked={shown.length === columns.length}
          onChange={(e) => settings.setHidden(e.target.checked ? [] : columns.slice(1).map((c) => c.key))}
        >
          {translate('tableToolbar.showAll')}
        </Checkbox>
        <Button type="link" size="small" onClick={settings.reset}>
          {translate('tableToolbar.reset')}
        </Button>
      </Space>
      <Divider style={{ margin: '8px 0' }} />
      <Checkbox.Group
        style={{ display: 'grid', gap: 6 }}
        value={shown}
        // At least one column stays.
        onChange={(keys) => keys.length > 0 && settings.setHidden(columns.map((c) => c.key).filter((k) => !keys.includes(k)))}
        options={columns.map((c) => ({ value: c.key, label: c.title }))}
      />
    </div>
  );

  return (
    <Space size={4} data-testid={testid}>
      {extra}
      {onRefresh && (
        <Tooltip title={translate('tableToolbar.refresh')}>
          <Button type="text" icon={<ReloadOutlined spin={refreshing} />} onClick={onRefresh} aria-label={translate('tableToolbar.refresh')} />
        </Tooltip>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [settings.size],
          items: DENSITIES.map((d) => ({ key: d, label: translate(`tableToolbar.densities.${d}`) })),
          onClick: ({ key }) => settings.setSize(key as TableDensity),
        }}
      >
        <Tooltip title={translate('tableToolbar.density')}>
          <Button type="text" icon={<ColumnHeightOutlined />} aria-label={translate('tableToolbar.density')} />
        </Tooltip>
      </Dropdown>
      {/* A table whose columns all belong together (a bordered sheet) offers no 列设置. */}
      {columns.length > 0 && (
        <Popover trigger="click" placement="bottomRight" title={translate('tableToolbar.columns')} content={columnPanel}>
          <Tooltip title={translate('tableToolbar.columns')}>
            <Button type="text" icon={<SettingOutlined />} aria-label={translate('tableToolbar.columns')} />
          </Tooltip>
        </Popover>
      )}
    </Space>
  );
}
