// 评分标准: the campaign's scoring standard (attachment 2) per year, level by level: items, their
// sub-items and points, the 一票否决 conditions. The street office edits a draft (add, reword,
// re-point, mark vetoes) and publishes it once every level adds to 100; a published version is
// frozen (rounds were scored on it) and the next year starts from a copy.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Badge, Button, Card, Empty, Form, Input, InputNumber, List as AntList, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { derived, formatDate, myMemberships, toHttpError, supabaseClient, UNIT_KINDS, type Tables } from '@/plugin-api';

type Version = Pick<Tables<'standard_versions'>, 'id' | 'campaign_id' | 'street_id' | 'year' | 'status' | 'published_at'>;
type Campaign = Pick<Tables<'campaigns'>, 'id' | 'name' | 'street_id'>;
type Subitem = Pick<Tables<'standard_subitems'>, 'id' | 'item_id' | 'sort' | 'content' | 'points'>;
type Item = Pick<Tables<'standard_items'>, 'id' | 'level' | 'number' | 'goal'> & { subitems: Subitem[] };
type Veto = Pick<Tables<'standard_vetoes'>, 'id' | 'level' | 'content'>;
type Level = Item['level'];

type Editing =
  | { kind: 'item'; level: Level; item?: Item }
  | { kind: 'subitem'; item: Item; subitem?: Subitem }
  | { kind: 'veto'; level: Level; veto?: Veto }
  | { kind: 'copy' };

export default function StandardPage() {
  const { translate: t } = useTranslation();
  const { message } = App.useApp();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [versions, setVersions] = useState<Version[]>([]);
  const [versionId, setVersionId] = useState<number | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [vetoes, setVetoes] = useState<Veto[]>([]);
  const [officeStreets, setOfficeStreets] = useState<number[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm();

  const loadVersions = useCallback(async () => {
    const [c, v] = await Promise.all([
      supabaseClient.from('campaigns').select('id, name, street_id').order('start_year', { ascending: false }),
      supabaseClient.from('standard_versions').select('id, campaign_id, street_id, year, status, published_at').order('year', { ascending: false }),
    ]);
    setCampaigns(c.data ?? []);
    const list = v.data ?? [];
    setVersions(list);
    setVersionId((current) => (current && list.some((x) => x.id === current) ? current : (list[0]?.id ?? null)));
    setOfficeStreets((await myMemberships()).filter((m) => m.role === 'street_office').map((m) => m.street_id));
  }, []);
  useEffect(() => void loadVersions(), [loadVersions]);

  const loadVersion = useCallback(async () => {
    if (!versionId) return;
    const [i, s, v] = await Promise.all([
      supabaseClient.from('standard_items').select('id, level, number, goal').eq('version_id', versionId).order('number'),
      supabaseClient.from('standard_subitems').select('id, item_id, sort, content, points').eq('version_id', versionId).order('sort'),
      supabaseClient.from('standard_vetoes').select('id, level, content').eq('version_id', versionId).order('id'),
    ]);
    const subs = s.data ?? [];
    setItems((i.data ?? []).map((item) => ({ ...item, subitems: subs.filter((x) => x.item_id === item.id).map((x) => ({ ...x, points: Number(x.points) })) })));
    setVetoes(v.data ?? []);
  }, [versionId]);
  useEffect(() => void loadVersion(), [loadVersion]);

  const version = versions.find((v) => v.id === versionId);
  const editable = !!version && version.status === 'draft' && officeStreets.includes(version.street_id);
  const isOffice = !!version && officeStreets.includes(version.street_id);
  const levelTotal = useMemo(() => {
    const totals: Partial<Record<Level, number>> = {};
    for (const item of items) totals[item.level] = (totals[item.level] ?? 0) + item.subitems.reduce((sum, s) => sum + s.points, 0);
    return totals;
  }, [items]);

  const failed = (error: unknown) => void message.error(toHttpError(error as never).message);
  const run = async (request: PromiseLike<{ error: unknown }>, done?: string) => {
    const { error } = await request;
    if (error) return failed(error), false;
    if (done) void message.success(done);
    await loadVersion();
    return true;
  };

  const open = (next: Editing) => {
    form.resetFields();
    if (next.kind === 'item' && next.item) form.setFieldsValue({ number: next.item.number, goal: next.item.goal });
    if (next.kind === 'item' && !next.item) form.setFieldsValue({ number: Math.max(0, ...items.map((i) => i.number)) + 1 });
    if (next.kind === 'subitem' && next.subitem) form.setFieldsValue({ content: next.subitem.content, points: next.subitem.points });
    if (next.kind === 'veto' && next.veto) form.setFieldsValue({ content: next.veto.content });
    if (next.kind === 'copy') form.setFieldsValue({ year: (version?.year ?? dayjs().year()) + 1 });
    setEditing(next);
  };

  const save = async () => {
    const v = await form.validateFields();
    if (!editing || !version) return;
    let ok = false;
    if (editing.kind === 'item') {
      ok = editing.item
        ? await run(supabaseClient.from('standard_items').update({ number: v.number, goal: v.goal }).eq('id', editing.item.id))
        // street_id (and a sub-item's version_id): the version's, set by the tables' trigger.
        : await run(supabaseClient.from('standard_items').insert(derived<'standard_items', 'street_id'>({ version_id: version.id, level: editing.level, number: v.number, goal: v.goal })));
    } else if (editing.kind === 'subitem') {
      ok = editing.subitem
        ? await run(supabaseClient.from('standard_subitems').update({ content: v.content, points: v.points }).eq('id', editing.subitem.id))
        : await run(
            supabaseClient
              .from('standard_subitems')
              .insert(derived<'standard_subitems', 'street_id' | 'version_id'>({ item_id: editing.item.id, content: v.content, points: v.points, sort: editing.item.subitems.length + 1 })),
          );
    } else if (editing.kind === 'veto') {
      ok = editing.veto
        ? await run(supabaseClient.from('standard_vetoes').update({ content: v.content }).eq('id', editing.veto.id))
        : await run(supabaseClient.from('standard_vetoes').insert(derived<'standard_vetoes', 'street_id'>({ version_id: version.id, level: editing.level, content: v.content })));
    } else {
      const { data, error } = await supabaseClient.rpc('copy_standard', { p_version_id: version.id, p_year: v.year });
      if (error) return void form.setFields([{ name: 'year', errors: [toHttpError(error).message] }]);
      await loadVersions();
      setVersionId(data.id);
      ok = true;
    }
    if (ok) setEditing(null);
  };

  const publish = async () => {
    if (!versionId) return;
    const { error } = await supabaseClient.rpc('publish_standard', { p_version_id: versionId });
    if (error) return void Modal.error({ title: t('standard.cannotPublish'), content: toHttpError(error).message });
    void message.success(t('standard.published'));
    await loadVersions();
  };

  if (!versions.length) return <Card><Empty description={t('standard.none')} /></Card>;
  const campaignName = (id: number) => campaigns.find((c) => c.id === id)?.name ?? '';

  return (
    <Card
      title={t('standard.title')}
      extra={
        <Space wrap>
          <Select
            style={{ minWidth: 320 }}
            value={versionId}
            onChange={setVersionId}
            aria-label={t('standard.version')}
            options={versions.map((v) => ({ value: v.id, label: `${campaignName(v.campaign_id)} · ${v.year} ${t(`standard.status.${v.status}`)}` }))}
          />
          {isOffice && <Button onClick={() => open({ kind: 'copy' })}>{t('standard.copy')}</Button>}
          {editable && <Button type="primary" onClick={publish}>{t('standard.publish')}</Button>}
        </Space>
      }
    >
      {version?.status === 'published' ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('standard.frozen', { date: formatDate(version.published_at) })} />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('standard.draftHint')} />
      )}
      <Tabs
        items={UNIT_KINDS.map((level) => {
          const total = levelTotal[level] ?? 0;
          return {
            key: level,
            label: (
              <Space size={4}>
                {t(`standard.levels.${level}`)}
                <Badge count={`${total}`} color={total === 100 ? 'green' : 'red'} overflowCount={999} data-testid={`level-total-${level}`} />
              </Space>
            ),
            children: (
              <>
                <Table<Item>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={items.filter((i) => i.level === level)}
                  columns={[
                    { title: t('standard.fields.number'), dataIndex: 'number', width: 64 },
                    { title: t('standard.fields.goal'), dataIndex: 'goal', width: 220 },
                    {
                      title: t('standard.fields.subitems'),
                      render: (_, item) => (
                        <AntList
                          size="small"
                          split={false}
                          dataSource={item.subitems}
                          renderItem={(s) => (
                            <AntList.Item
                              style={{ padding: '2px 0' }}
                              actions={editable ? [
                                <Button key="e" type="link" size="small" icon={<EditOutlined />} aria-label={t('buttons.edit')} onClick={() => open({ kind: 'subitem', item, subitem: s })} />,
                                <Popconfirm key="d" title={t('standard.confirmDelete')} onConfirm={() => run(supabaseClient.from('standard_subitems').delete().eq('id', s.id))}>
                                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
                                </Popconfirm>,
                              ] : []}
                            >
                              <Typography.Text>{s.content}</Typography.Text>
                              <Tag style={{ marginLeft: 8 }}>{t('standard.points', { points: s.points })}</Tag>
                            </AntList.Item>
                          )}
                          footer={editable ? <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => open({ kind: 'subitem', item })}>{t('standard.addSubitem')}</Button> : null}
                        />
                      ),
                    },
                    {
                      title: t('standard.fields.points'), width: 80, align: 'right',
                      render: (_, item) => t('standard.points', { points: item.subitems.reduce((sum, s) => sum + s.points, 0) }),
                    },
                    ...(editable ? [{
                      title: t('table.actions'), width: 90,
                      render: (_: unknown, item: Item) => (
                        <Space size={0}>
                          <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('buttons.edit')} onClick={() => open({ kind: 'item', level, item })} />
                          <Popconfirm title={t('standard.confirmDelete')} onConfirm={() => run(supabaseClient.from('standard_items').delete().eq('id', item.id))}>
                            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
                          </Popconfirm>
                        </Space>
                      ),
                    }] : []),
                  ]}
                />
                {editable && <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => open({ kind: 'item', level })}>{t('standard.addItem')}</Button>}
                <Typography.Title level={5} style={{ marginTop: 16 }}>{t('standard.vetoes')}</Typography.Title>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {vetoes.filter((v) => v.level === level).map((v) => (
                    <Space key={v.id}>
                      <Tag color="red">{t('standard.veto')}</Tag>
                      {v.content}
                      {editable && (
                        <Popconfirm title={t('standard.confirmDelete')} onConfirm={() => run(supabaseClient.from('standard_vetoes').delete().eq('id', v.id))}>
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
                        </Popconfirm>
                      )}
                    </Space>
                  ))}
                  {!vetoes.some((v) => v.level === level) && <Typography.Text type="secondary">{t('standard.noVetoes')}</Typography.Text>}
                  {editable && <Button size="small" icon={<PlusOutlined />} onClick={() => open({ kind: 'veto', level })}>{t('standard.addVeto')}</Button>}
                </Space>
              </>
            ),
          };
        })}
      />
      <Modal
        open={!!editing}
        title={editing ? t(`standard.dialog.${editing.kind}`) : ''}
        onCancel={() => setEditing(null)}
        onOk={save}
        destroyOnHidden
      >
        <Form form={form} name="standard-edit" layout="vertical">
          {editing?.kind === 'item' && (
            <>
              <Form.Item name="number" label={t('standard.fields.number')} rules={[{ required: true, message: t('standard.rules.number') }]}>
                <InputNumber min={1} max={999} precision={0} />
              </Form.Item>
              <Form.Item name="goal" label={t('standard.fields.goal')} rules={[{ required: true, whitespace: true, message: t('standard.rules.goal') }, { max: 200, message: t('standard.rules.goalLong') }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {editing?.kind === 'subitem' && (
            <>
              <Form.Item name="content" label={t('standard.fields.content')} rules={[{ required: true, whitespace: true, message: t('standard.rules.content') }, { max: 1000, message: t('standard.rules.contentLong') }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
              <Form.Item name="points" label={t('standard.fields.points')} rules={[{ required: true, message: t('standard.rules.points') }, { type: 'number', min: 0.5, max: 100, message: t('standard.rules.points') }]}>
                <InputNumber min={0.5} max={100} step={0.5} />
              </Form.Item>
            </>
          )}
          {editing?.kind === 'veto' && (
            <Form.Item name="content" label={t('standard.fields.veto')} rules={[{ required: true, whitespace: true, message: t('standard.rules.content') }, { max: 500, message: t('standard.rules.contentLong') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          )}
          {editing?.kind === 'copy' && (
            <Form.Item name="year" label={t('standard.fields.year')} rules={[{ required: true, message: t('standard.rules.year') }]}>
              <InputNumber min={2000} max={2100} precision={0} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
