// The campaign's configuration, shown in its workflow panel: name, years and the filing window,
// the five phases' dates, the leadership group and member offices (attachment 1), and the
// street's seal. The street office edits; everyone else reads. The phase itself is the panel's
// state, moved by its actions.
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Col, DatePicker, Descriptions, Divider, Form, Image, Input, InputNumber, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { derived, myMemberships, supabaseClient, toHttpError, type FormViewProps, type Tables } from '@/plugin-api';
import { PHASES } from './index';

type Leader = Pick<Tables<'campaign_leaders'>, 'id' | 'position' | 'person_name' | 'title' | 'sort'>;
type Office = Pick<Tables<'campaign_member_offices'>, 'id' | 'name'>;

const POSITIONS = ['leader', 'deputy', 'member', 'office_director', 'office_deputy'] as const;
const SEAL_MAX_BYTES = 300_000;

export default function CampaignFormView({ instance }: FormViewProps) {
  const { translate } = useTranslation();
  const t = (key: string, options?: Record<string, unknown>) => translate(`workflows.campaign.${key}`, options);
  const { message } = App.useApp();
  const [campaign, setCampaign] = useState<Tables<'campaigns'> | null>(null);
  const [phases, setPhases] = useState<Record<string, [Dayjs | null, Dayjs | null]>>({});
  const [leaders, setLeaders] = useState<Leader[]>([]);
  const [offices, setOffices] = useState<Office[]>([]);
  const [seal, setSeal] = useState<string | null>(null);
  const [isOffice, setIsOffice] = useState(false);
  const [basics] = Form.useForm();
  const [leaderForm] = Form.useForm();

  const load = useCallback(async () => {
    const { data: c } = await supabaseClient.from('campaigns').select('*').eq('instance_id', instance.id).maybeSingle();
    if (!c) return;
    const [p, l, o, s] = await Promise.all([
      supabaseClient.from('campaign_phases').select('phase, starts_on, ends_on').eq('campaign_id', c.id),
      supabaseClient.from('campaign_leaders').select('id, position, person_name, title, sort').eq('campaign_id', c.id).order('position').order('sort'),
      supabaseClient.from('campaign_member_offices').select('id, name').eq('campaign_id', c.id).order('id'),
      supabaseClient.from('street_seals').select('image').eq('street_id', c.street_id).maybeSingle(),
    ]);
    setCampaign(c);
    setPhases(Object.fromEntries((p.data ?? []).map((r) => [r.phase, [dayjs(r.starts_on), r.ends_on ? dayjs(r.ends_on) : null]])));
    setLeaders(l.data ?? []);
    setOffices(o.data ?? []);
    setSeal(s.data?.image ?? null);
    const ms = await myMemberships();
    setIsOffice(ms.some((m) => m.role === 'street_office' && m.street_id === c.street_id));
  }, [instance.id]);
  useEffect(() => void load(), [load]);
  // The form's values: its first ones, and again after each reload (only once the form is on the
  // page: before the campaign loads it is not, and a form filled then is one no Form holds).
  const basicsValues = useMemo(() => campaign && { ...campaign, filing: [dayjs(campaign.filing_opens_on), dayjs(campaign.filing_closes_on)] }, [campaign]);
  useEffect(() => {
    if (basicsValues) basics.setFieldsValue(basicsValues);
  }, [basicsValues, basics]);

  if (!campaign) return <Alert type="info" showIcon message={t('config.none')} />;
  const failed = (error: unknown) => void message.error(toHttpError(error as never).message);

  const saveBasics = async () => {
    const v = await basics.validateFields();
    const { error } = await supabaseClient.from('campaigns').update({
      name: v.name, start_year: v.start_year, end_year: v.end_year,
      filing_opens_on: (v.filing[0] as Dayjs).format('YYYY-MM-DD'), filing_closes_on: (v.filing[1] as Dayjs).format('YYYY-MM-DD'),
    }).eq('id', campaign.id);
    if (error) return failed(error);
    void message.success(t('config.saved'));
    await load();
  };

  const savePhases = async () => {
    const rows = PHASES.filter((p) => phases[p]?.[0]).map((p) => ({
      campaign_id: campaign.id, phase: p,
      starts_on: phases[p]![0]!.format('YYYY-MM-DD'), ends_on: phases[p]![1]?.format('YYYY-MM-DD') ?? null,
    }));
    // street_id: the campaign's, set by the table's trigger (as for leaders and offices below).
    const { error } = await supabaseClient.from('campaign_phases').upsert(derived<'campaign_phases', 'street_id'>(rows), { onConflict: 'campaign_id,phase' });
    if (error) return failed(error);
    void message.success(t('config.saved'));
    await load();
  };

  const addLeader = async () => {
    const v = await leaderForm.validateFields();
    const { error } = await supabaseClient.from('campaign_leaders').insert(
      derived<'campaign_leaders', 'street_id'>({ campaign_id: campaign.id, position: v.position, person_name: v.person_name, title: v.title || null, sort: leaders.length + 1 }),
    );
    if (error) return failed(error);
    leaderForm.resetFields();
    await load();
  };
  const removeRow = async (table: 'campaign_leaders' | 'campaign_member_offices', id: number) => {
    const { error } = await supabaseClient.from(table).delete().eq('id', id);
    if (error) return failed(error);
    await load();
  };
  const addOffice = async (name: string) => {
    if (!name.trim()) return;
    const { error } = await supabaseClient.from('campaign_member_offices').insert(derived<'campaign_member_offices', 'street_id'>({ campaign_id: campaign.id, name: name.trim() }));
    if (error) return failed(error);
    await load();
  };
  const uploadSeal = async (file: File) => {
    if (!['image/png', 'image/jpeg'].includes(file.type)) return void message.error(t('config.sealType'));
    if (file.size > SEAL_MAX_BYTES) return void message.error(t('config.sealSize'));
    const image = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    const { error } = await supabaseClient.from('street_seals').upsert({ street_id: campaign.street_id, image });
    if (error) return failed(error);
    void message.success(t('config.sealSaved'));
    await load();
  };

  const req = (key: string) => [{ required: true, message: t(`config.rules.${key}`) }];
  return (
    <>
      <Form form={basics} name="campaign-basics" layout="vertical" disabled={!isOffice} initialValues={basicsValues ?? undefined}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('config.name')} rules={[...req('name'), { max: 100, message: t('config.rules.nameLong') }]}><Input /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="start_year" label={t('config.startYear')} rules={req('year')}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="end_year"
              label={t('config.endYear')}
              dependencies={['start_year']}
              rules={[...req('year'), ({ getFieldValue }) => ({
                validator: async (_, v) => { if (v < getFieldValue('start_year')) throw new Error(t('config.rules.endYear')); },
              })]}
            >
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="filing" label={t('config.filing')} rules={req('filing')} extra={t('config.filingHint')}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {isOffice && <Button type="primary" onClick={saveBasics}>{t('config.save')}</Button>}
      </Form>

      <Divider orientation="left" plain>{t('config.phases')}</Divider>
      <Table
        size="small"
        pagination={false}
        rowKey="phase"
        dataSource={PHASES.map((p) => ({ phase: p }))}
        columns={[
          { title: t('config.phase'), dataIndex: 'phase', width: 160, render: (p: string) => (
            <Space>{t(`states.${p}`)}{instance.state === p && <Tag color="red">{t('config.current')}</Tag>}</Space>
          ) },
          { title: t('config.dates'), dataIndex: 'phase', render: (p: string) => (
            <DatePicker.RangePicker
              disabled={!isOffice}
              allowEmpty={[false, p === 'longterm']}
              value={phases[p] ?? [null, null]}
              onChange={(v) => setPhases({ ...phases, [p]: [v?.[0] ?? null, v?.[1] ?? null] })}
              aria-label={t(`states.${p}`)}
            />
          ) },
        ]}
      />
      {isOffice && <Button style={{ marginTop: 8 }} onClick={savePhases}>{t('config.savePhases')}</Button>}

      <Divider orientation="left" plain>{t('config.leaders')}</Divider>
      <Descriptions size="small" column={1} bordered>
        {POSITIONS.map((position) => (
          <Descriptions.Item key={position} label={t(`positions.${position}`)}>
            <Space wrap>
              {leaders.filter((l) => l.position === position).map((l) => (
                <Tag key={l.id} closable={isOffice} onClose={(e) => { e.preventDefault(); void removeRow('campaign_leaders', l.id); }}>
                  {l.person_name}{l.title ? `（${l.title}）` : ''}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {isOffice && (
        <Form form={leaderForm} name="campaign-leader" layout="inline" style={{ marginTop: 8, rowGap: 8 }}>
          <Form.Item name="position" rules={req('position')}>
            <Select style={{ width: 140 }} placeholder={t('config.position')} options={POSITIONS.map((p) => ({ value: p, label: t(`positions.${p}`) }))} />
          </Form.Item>
          <Form.Item name="person_name" rules={[...req('person'), { max: 50, message: t('config.rules.personLong') }]}>
            <Input placeholder={t('config.person')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="title" rules={[{ max: 100, message: t('config.rules.titleLong') }]}>
            <Input placeholder={t('config.title')} style={{ width: 200 }} />
          </Form.Item>
          <Button icon={<PlusOutlined />} onClick={addLeader}>{t('config.addLeader')}</Button>
        </Form>
      )}

      <Divider orientation="left" plain>{t('config.offices')}</Divider>
      <Space wrap>
        {offices.map((o) => (
          <Tag key={o.id} closable={isOffice} closeIcon={<DeleteOutlined />} onClose={(e) => { e.preventDefault(); void removeRow('campaign_member_offices', o.id); }}>{o.name}</Tag>
        ))}
        {isOffice && <Input.Search placeholder={t('config.addOffice')} enterButton={<PlusOutlined />} onSearch={addOffice} style={{ width: 220 }} />}
      </Space>

      <Divider orientation="left" plain>{t('config.seal')}</Divider>
      <Space align="start">
        {seal ? <Image src={seal} width={110} alt={t('config.seal')} data-testid="seal-image" /> : <Typography.Text type="secondary">{t('config.noSeal')}</Typography.Text>}
        {isOffice && (
          <Upload accept="image/png,image/jpeg" showUploadList={false} beforeUpload={(file) => { void uploadSeal(file); return false; }}>
            <Button icon={<UploadOutlined />}>{t('config.uploadSeal')}</Button>
          </Upload>
        )}
      </Space>
    </>
  );
}
