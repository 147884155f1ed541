// 住户: the households the caller reads (row-level security decides: a grid's staff their grids',
// a community its own, a street all), a page at a time with the exact total, filtered by grid,
// tag and address or contact. The phone shows masked; its full number is asked of the database
// (grid_household_contacts), which answers the grid's own staff only. Those who write (the
// street office, the community's workers, the grid's staff) add and edit in a form that checks
// as they type, or import a roster (./import.tsx); the database checks again, and every change
// is in the household's 变更记录.
import { Alert, Button, Card, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Timeline, message } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  derived, formatDateTime, i18n, myMemberships, NO_TOGGLEABLE_COLUMNS, supabaseClient, toHttpError, useTableSettings, TableToolbar,
  type FunctionRow, type MemberRole,
} from '@/plugin-api';
import { RosterImport } from './import';
import { myStreets, type StreetOption } from './streets';

const PAGE_SIZE = 50;
const GRID_STAFF: MemberRole[] = ['grid_leader', 'grid_worker', 'micro_grid_worker'];
const WRITERS: MemberRole[] = ['street_office', 'community_worker', ...GRID_STAFF];
const COLUMNS = 'id, unit_id, compound, building, unit_no, room, size, contact_name, contact_phone_masked, tags, note, updated_at';
const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;

interface Household {
  id: number; unit_id: number; compound: string; building: string; unit_no: string; room: string; size: number;
  contact_name: string; contact_phone_masked: string | null; tags: string[]; note: string; updated_at: string;
}
interface Change { id: number; op: 'insert' | 'update' | 'delete'; changes: Record<string, unknown>; changed_at: string }
type Unit = FunctionRow<'grid_overview'>;
interface Editing { household: Household | null }

const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.households.${key}`, options);
export const addressOf = (h: Pick<Household, 'compound' | 'building' | 'unit_no' | 'room'>) =>
  [h.compound, h.building && `${h.building}栋`, h.unit_no && `${h.unit_no}单元`, h.room].filter(Boolean).join(' ');

/** A refusal in the user's words: a constraint's own, else the admin's. */
function refusal(error: { message?: string; code?: string; hint?: string }): { message: string; field?: string } {
  const constraint = /constraint "([a-z_]+)"/.exec(error.message ?? '')?.[1];
  if (constraint && i18n.exists(`workflows.grid_governance.households.errors.${constraint}`)) {
    return { message: t(`errors.${constraint}`), field: constraint === 'grid_households_address_key' ? 'room' : undefined };
  }
  const http = toHttpError(error);
  return { message: http.message, field: Object.keys(http.errors ?? {})[0] };
}

export default function HouseholdsPage() {
  const [streets, setStreets] = useState<StreetOption[]>([]);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [canWrite, setCanWrite] = useState(false);
  // Only a grid's own staff read a phone (grid_household_contacts): the link is theirs alone.
  const [gridStaff, setGridStaff] = useState(false);
  const [unitFilter, setUnitFilter] = useState<number | undefined>();
  const [tagFilter, setTagFilter] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<Household[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [phones, setPhones] = useState<Record<number, string>>({});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [changesOf, setChangesOf] = useState<Household | null>(null);
  const settings = useTableSettings('grid-households', NO_TOGGLEABLE_COLUMNS);

  useEffect(() => {
    void myStreets().then((list) => { setStreets(list); setStreetId(list[0]?.id ?? null); }, (e: Error) => setError(e.message));
    void myMemberships().then((ms) => {
      setCanWrite(ms.some((m) => WRITERS.includes(m.role)));
      setGridStaff(ms.some((m) => GRID_STAFF.includes(m.role)));
    });
  }, []);
  useEffect(() => {
    if (streetId === null) return;
    void supabaseClient.rpc('grid_overview', { p_street_id: streetId }).then(({ data }) => setUnits(data ?? []));
    void supabaseClient.from('grid_lists').select('label').eq('street_id', streetId).eq('list', 'household_tag').order('position')
      .then(({ data }) => setTags((data ?? []).map((r) => r.label)));
  }, [streetId]);

  const unitName = useMemo(() => new Map(units.map((u) => [u.unit_id, u.name])), [units]);
  const load = useCallback(async () => {
    if (streetId === null) return;
    setRows(null);
    let query = supabaseClient.from('grid_households').select(COLUMNS, { count: 'exact' }).eq('street_id', streetId);
    if (unitFilter) {
      const unit = units.find((u) => u.unit_id === unitFilter);
      query = unit?.kind === 'community' ? query.eq('community_id', unitFilter) : query.contains('grid_path', [unitFilter]);
    }
    if (tagFilter) query = query.contains('tags', [tagFilter]);
    const words = search.trim().replace(/[,()*%\\]/g, '');
    if (words) query = query.or(`compound.ilike.*${words}*,contact_name.ilike.*${words}*,room.ilike.*${words}*`);
    const { data, count, error: failed } = await query.order('compound').order('building').order('unit_no').order('room')
      .range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1);
    if (failed) setError(refusal(failed).message);
    else { setRows(data as Household[]); setTotal(count ?? 0); setError(null); }
  }, [streetId, unitFilter, tagFilter, search, page, units]);
  useEffect(() => { void load(); }, [load]);

  const showPhone = async (id: number) => {
    const { data, error: failed } = await supabaseClient.rpc('grid_household_contacts', { p_ids: [id] });
    if (failed) void message.warning(failed.code === '42501' ? t('phoneRefused') : refusal(failed).message);
    else setPhones((p) => ({ ...p, [id]: data[0]?.contact_phone ?? '—' }));
  };
  const remove = async (h: Household) => {
    const { error: failed } = await supabaseClient.from('grid_households').delete().eq('id', h.id);
    if (failed) void message.error(refusal(failed).message);
    else { void message.success(t('deleted')); void load(); }
  };

  return (
    <Card
      size="small"
      title={t('title')}
      extra={(
        <Space wrap>
          {streets.length > 1 && (
            <Select aria-label={i18n.t('workflows.grid_governance.tree.street')} style={{ width: 160 }} value={streetId ?? undefined}
              options={streets.map((s) => ({ value: s.id, label: s.name }))} onChange={(v) => { setStreetId(v); setUnitFilter(undefined); setPage(1); }} />
          )}
          {canWrite && streetId !== null && <RosterImport kind="households" streetId={streetId} streetTags={tags} onDone={() => void load()} />}
          {canWrite && <Button type="primary" onClick={() => setEditing({ household: null })}>{t('add')}</Button>}
          <TableToolbar settings={settings} onRefresh={() => void load()} />
        </Space>
      )}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('grid')} style={{ width: 220 }} value={unitFilter}
          aria-label={t('grid')}
          options={units.map((u) => ({ value: u.unit_id, label: u.name }))} onChange={(v) => { setUnitFilter(v); setPage(1); }} />
        <Select allowClear placeholder={t('tag')} aria-label={t('tag')} style={{ width: 160 }} value={tagFilter}
          options={tags.map((x) => ({ value: x, label: x }))} onChange={(v) => { setTagFilter(v); setPage(1); }} />
        <Input.Search allowClear placeholder={t('search')} aria-label={t('search')} style={{ width: 240 }}
          onSearch={(v) => { setSearch(v); setPage(1); }} />
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<Household>
        rowKey="id"
        size={settings.size}
        loading={rows === null && !error}
        dataSource={rows ?? []}
        scroll={{ x: 1300 }}
        data-testid="households"
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: (n) => i18n.t('workflows.grid_governance.tree.householdsN', { count: n }) }}
        columns={[
          { title: t('address'), key: 'address', width: 220, render: (_, h) => addressOf(h) },
          { title: t('grid'), dataIndex: 'unit_id', width: 170, render: (id: number) => unitName.get(id) ?? '—' },
          { title: t('size'), dataIndex: 'size', width: 72, align: 'right' },
          { title: t('contact_name'), dataIndex: 'contact_name', width: 90 },
          {
            title: t('contact_phone'), key: 'phone', width: 170,
            render: (_, h) => h.contact_phone_masked === null ? '—' : (
              <Space size={4}>
                <span>{phones[h.id] ?? h.contact_phone_masked}</span>
                {gridStaff && phones[h.id] === undefined && <Button size="small" type="link" onClick={() => void showPhone(h.id)}>{t('showPhone')}</Button>}
              </Space>
            ),
          },
          { title: t('tags'), dataIndex: 'tags', width: 160, render: (list: string[]) => list.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('updated_at'), dataIndex: 'updated_at', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: '', key: 'actions', width: 170, fixed: 'right',
            render: (_, h) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setChangesOf(h)}>{t('changes')}</Button>
                {canWrite && <Button size="small" type="link" onClick={() => setEditing({ household: h })}>{t('edit')}</Button>}
                {canWrite && (
                  <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove(h)}>
                    <Button size="small" type="link" danger>{t('remove')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <HouseholdForm
          household={editing.household}
          units={units.filter((u) => u.kind !== 'grid' || !units.some((c) => c.parent_id === u.unit_id))}
          tags={tags}
          onClose={(saved) => { setEditing(null); if (saved) void load(); }}
        />
      )}
      <ChangesDrawer household={changesOf} onClose={() => setChangesOf(null)} />
    </Card>
  );
}

interface FormValues { unit_id: number; compound: string; building: string; unit_no: string; room: string; size: number; contact_name: string; contact_phone?: string; tags: string[]; note: string }

function HouseholdForm({ household, units, tags, onClose }: { household: Household | null; units: Unit[]; tags: string[]; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const max = (n: number) => ({ max: n, message: t('rules.max', { max: n }) });
  const save = async (values: FormValues) => {
    setSaving(true);
    const row = { ...values, building: values.building ?? '', unit_no: values.unit_no ?? '', room: values.room ?? '', contact_name: values.contact_name ?? '', note: values.note ?? '', tags: values.tags ?? [] };
    // The phone is sent only when typed: an edit without one keeps the number on file.
    const { contact_phone: phone, ...rest } = row;
    const body = phone ? { ...rest, contact_phone: phone } : rest;
    const { error } = household
      ? await supabaseClient.from('grid_households').update(body).eq('id', household.id).select('id').single()
      : await supabaseClient.from('grid_households').insert(derived<'grid_households', 'street_id'>(body)).select('id').single();
    setSaving(false);
    if (error) {
      const { message: text, field } = refusal(error);
      if (field && field in row) form.setFields([{ name: field as keyof FormValues, errors: [text] }]);
      else void message.error(text);
      return;
    }
    void message.success(t('saved'));
    onClose(true);
  };
  return (
    <Modal open title={household ? t('edit') : t('add')} okText={t('save')} confirmLoading={saving} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form<FormValues>
        form={form} layout="vertical" validateTrigger="onChange" onFinish={(v) => void save(v)}
        initialValues={household ? { ...household, contact_phone: undefined } : { size: 1, tags: [] }}
      >
        <Form.Item name="unit_id" label={t('grid')} rules={[{ required: true, message: t('rules.grid') }]}>
          <Select showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.unit_id, label: u.name }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="compound" label={t('compound')} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: t('rules.compound') }, max(50)]}><Input /></Form.Item>
          <Form.Item name="building" label={t('building')} style={{ flex: 1 }} rules={[max(20)]}><Input /></Form.Item>
          <Form.Item name="unit_no" label={t('unit_no')} style={{ flex: 1 }} rules={[max(20)]}><Input /></Form.Item>
          <Form.Item name="room" label={t('room')} style={{ flex: 1 }} rules={[max(20)]}><Input /></Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="size" label={t('size')} style={{ flex: 1 }} rules={[{ required: true, type: 'integer', min: 1, max: 30, message: t('rules.size') }]}>
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="contact_name" label={t('contact_name')} style={{ flex: 1 }} rules={[max(30)]}><Input /></Form.Item>
          <Form.Item name="contact_phone" label={t('contact_phone')} style={{ flex: 2 }} extra={household?.contact_phone_masked ? t('phoneKept', { phone: household.contact_phone_masked }) : undefined}
            rules={[{ pattern: PHONE, message: t('rules.phone') }]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="tags" label={t('tags')}><Select mode="multiple" options={tags.map((x) => ({ value: x, label: x }))} /></Form.Item>
        <Form.Item name="note" label={t('note')} rules={[max(500)]}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ChangesDrawer({ household, onClose }: { household: Household | null; onClose: () => void }) {
  const [changes, setChanges] = useState<Change[] | null>(null);
  useEffect(() => {
    if (!household) return;
    setChanges(null);
    void supabaseClient.from('grid_household_changes').select('id, op, changes, changed_at').eq('household_id', household.id).order('id', { ascending: false })
      .then(({ data }) => setChanges((data ?? []) as Change[]));
  }, [household]);
  const field = (key: string) => (i18n.exists(`workflows.grid_governance.households.${key}`) ? t(key) : key);
  const show = (v: unknown) => (Array.isArray(v) ? v.join('、') : v === null || v === '' ? '—' : String(v));
  return (
    <Drawer open={household !== null} onClose={onClose} title={household ? `${t('changes')} · ${addressOf(household)}` : ''} width={420}>
      <Timeline
        items={(changes ?? []).map((c) => ({
          key: c.id,
          children: (
            <div>
              <div>{t(`op.${c.op}`)} · {formatDateTime(c.changed_at)}</div>
              {c.op === 'update' && Object.entries(c.changes).filter(([k]) => k !== 'grid_path').map(([k, v]) => {
                const [before, after] = v as [unknown, unknown];
                return <div key={k} style={{ color: '#555' }}>{field(k === 'contact_phone_masked' ? 'contact_phone' : k)}：{show(before)} → {show(after)}</div>;
              })}
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
