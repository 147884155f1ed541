// 评分表: one unit in one round, against the round's standard: per sub-item the unit's own score
// (自评, the community's filer), each reviewer's score and their mean, the current user's score
// and note, the evidence files; the veto conditions of the unit's level; and the grade that
// follows (computed by the database after every reviewer score), with why a unit fell short.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { ScoreInput } from './score-input';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  derived, myMemberships, scopeOf, scopeOr, decodeFileName, encodeFileName, fetchAll, formatScore, toHttpError, supabaseClient,
  type MyMembership, type Tables, type TablesInsert,
} from '@/plugin-api';

type Round = Pick<Tables<'score_rounds'>, 'id' | 'street_id' | 'kind' | 'year' | 'version_id' | 'published_at'>;
type Unit = Pick<Tables<'units'>, 'id' | 'name' | 'kind' | 'street_id' | 'community_id'>;
/** A sub-item's line of the sheet, under its item. */
interface Row { key: number; number: number; goal: string; content: string; points: number; sort: number; span: number }
type Entry = Pick<Tables<'score_entries'>, 'id' | 'subitem_id' | 'scorer_id' | 'scorer_role' | 'score' | 'note'>;
type Veto = Pick<Tables<'standard_vetoes'>, 'id' | 'content'>;
type Grade = Pick<Tables<'unit_grades'>, 'total' | 'standard' | 'demonstration' | 'reasons' | 'parts' | 'parts_standard' | 'parts_demo'>;
/** An evidence file in storage. */
interface Evidence { name: string; path: string }

const BUCKET = 'evidence';
// Storage names the refusal in the body's statusCode (its HTTP status is 400 for all of them).
const UPLOAD_REASONS: Record<string, string> = { '413': 'tooLarge', '415': 'type', '403': 'denied', '409': 'exists' };
const uploadReason = (error: { statusCode?: string }) => UPLOAD_REASONS[error.statusCode ?? ''] ?? 'other';
const GRADE_SELECT = 'total, standard, demonstration, reasons, parts, parts_standard, parts_demo';

export default function ScoringPage() {
  const { translate: t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [me, setMe] = useState<string | null>(null);
  const [memberships, setMemberships] = useState<MyMembership[]>([]);
  const [rounds, setRounds] = useState<Round[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [vetoes, setVetoes] = useState<Veto[]>([]);
  const [findings, setFindings] = useState<Record<number, boolean>>({});
  const [grade, setGrade] = useState<Grade | null>(null);
  const [evidence, setEvidence] = useState<Record<number, Evidence[]>>({});
  const [opening, setOpening] = useState(false);
  const [roundForm] = Form.useForm<Pick<TablesInsert<'score_rounds'>, 'campaign_id' | 'kind' | 'year' | 'version_id'>>();
  const [campaigns, setCampaigns] = useState<Pick<Tables<'campaigns'>, 'id' | 'name' | 'street_id'>[]>([]);
  const [publishedVersions, setPublishedVersions] = useState<Pick<Tables<'standard_versions'>, 'id' | 'campaign_id' | 'year'>[]>([]);
  const roundId = Number(params.get('round')) || rounds[0]?.id;
  const unitId = Number(params.get('unit')) || undefined;
  const round = rounds.find((r) => r.id === roundId);
  const unit = units.find((u) => u.id === unitId);

  const loadRounds = async () => {
    const [r, c, v] = await Promise.all([
      supabaseClient.from('score_rounds').select('id, street_id, kind, year, version_id, published_at').order('created_at', { ascending: false }),
      supabaseClient.from('campaigns').select('id, name, street_id').order('start_year', { ascending: false }),
      supabaseClient.from('standard_versions').select('id, campaign_id, year').eq('status', 'published').order('year', { ascending: false }),
    ]);
    setRounds(r.data ?? []);
    setCampaigns(c.data ?? []);
    setPublishedVersions(v.data ?? []);
  };

  useEffect(() => {
    void (async () => {
      setMe((await supabaseClient.auth.getUser()).data.user?.id ?? null);
      setMemberships(await myMemberships());
      await loadRounds();
    })();
  }, []);
  useEffect(() => {
    // With the user's scope, so a filer's request walks their community's units, not the street's.
    const inScope = scopeOr(scopeOf(memberships));
    if (!round || !inScope) return;
    // Every unit of the round's street (past PostgREST's 1,000-row cap: a street may have 11,000).
    void fetchAll((from, to) =>
      supabaseClient.from('units').select('id, name, kind, street_id, community_id').eq('street_id', round.street_id).or(inScope).order('id').range(from, to),
    ).then(setUnits, (error) => void message.error(toHttpError(error).message));
  }, [round, memberships]);

  // What the user may do on this unit: self-score as its community's filer; score as a reviewer
  // or the office of its street (the policies say the same).
  const mayReview = !!round && !round.published_at && memberships.some((m) => m.community_id === null && m.street_id === round.street_id && ['street_office', 'reviewer'].includes(m.role));
  const maySelf = !!round && !!unit && !round.published_at && memberships.some((m) => m.role === 'community_filer' && m.community_id !== null && m.community_id === unit.community_id);

  // (only the newest read shows: an older answer arriving later is dropped)
  const gradeReads = useRef(0);
  const loadGrade = useCallback(async () => {
    if (!round || !unit) return;
    const read = ++gradeReads.current;
    const { data } = await supabaseClient.from('unit_grades').select(GRADE_SELECT).eq('round_id', round.id).eq('unit_id', unit.id).maybeSingle();
    if (read !== gradeReads.current) return;
    setGrade(data ? { ...data, total: Number(data.total) } : null);
  }, [round, unit]);

  // Evidence lives at <unit>/<round>/<sub-item>-<time>-<file name, encoded>: one listing for the sheet.
  const evidenceFolder = round && unit ? `${unit.id}/${round.id}` : '';
  const loadEvidence = useCallback(async () => {
    if (!evidenceFolder) return;
    const { data } = await supabaseClient.storage.from(BUCKET).list(evidenceFolder, { limit: 1000, sortBy: { column: 'name', order: 'asc' } });
    const files: Record<number, Evidence[]> = {};
    for (const f of data ?? []) {
      const match = /^(\d+)-\d+-(.*)$/.exec(f.name);
      if (!f.id || !match) continue;
      (files[Number(match[1])] ??= []).push({ name: decodeFileName(match[2]!), path: `${evidenceFolder}/${f.name}` });
    }
    setEvidence(files);
  }, [evidenceFolder]);

  const load = useCallback(async () => {
    if (!round || !unit) return;
    const [items, ents, vts, fnd] = await Promise.all([
      supabaseClient.from('standard_items').select('id, number, goal, standard_subitems(id, content, points, sort)').eq('version_id', round.version_id).eq('level', unit.kind).order('number'),
      supabaseClient.from('score_entries').select('id, subitem_id, scorer_id, scorer_role, score, note').eq('round_id', round.id).eq('unit_id', unit.id),
      supabaseClient.from('standard_vetoes').select('id, content').eq('version_id', round.version_id).eq('level', unit.kind).order('id'),
      supabaseClient.from('veto_findings').select('veto_id, found').eq('round_id', round.id).eq('unit_id', unit.id),
      loadGrade(),
      loadEvidence(),
    ]);
    const flat: Row[] = [];
    for (const item of items.data ?? []) {
      const subs = [...item.standard_subitems].sort((a, b) => a.sort - b.sort);
      subs.forEach((s, i) => flat.push({ key: s.id, number: item.number, goal: item.goal, content: s.content, points: Number(s.points), sort: i, span: i === 0 ? subs.length : 0 }));
    }
    setRows(flat);
    setEntries((ents.data ?? []).map((e) => ({ ...e, score: Number(e.score) })));
    setVetoes(vts.data ?? []);
    setFindings(Object.fromEntries((fnd.data ?? []).map((f) => [f.veto_id, f.found])));
  }, [round, unit, loadGrade, loadEvidence]);
  useEffect(() => void load(), [load]);

  // (recompute_grades runs one call at a time per round, so the later call's grade is the one it
  // leaves; loadGrade shows the newest read)
  const recompute = async () => {
    if (!round) return;
    const { error } = await supabaseClient.rpc('recompute_grades', { p_round_id: round.id });
    if (error) return void message.error(toHttpError(error).message);
    await loadGrade();
  };

  const saveScore = async (row: Row, role: 'self' | 'reviewer', score: number | null, note?: string) => {
    if (!round || !unit || score === null) return;
    const mine = entries.find((e) => e.subitem_id === row.key && e.scorer_id === me && e.scorer_role === role);
    // Leaving a field unchanged saves nothing (a reviewer's save recomputes the round's grades).
    if (mine && mine.score === score && (note === undefined || note === (mine.note ?? ''))) return;
    const { data, error } = await (mine
      ? supabaseClient.from('score_entries').update({ score, ...(note !== undefined ? { note } : {}) }).eq('id', mine.id)
      : supabaseClient
          .from('score_entries')
          // street_id: the unit's, set by the table's trigger (as for veto findings and rounds below).
          .insert(derived<'score_entries', 'street_id'>({ round_id: round.id, unit_id: unit.id, subitem_id: row.key, scorer_role: role, score, note: note ?? null }))
    ).select('id, subitem_id, scorer_id, scorer_role, score, note').single();
    if (error) return void message.error(toHttpError(error).message);
    const saved = { ...data, score: Number(data.score) };
    setEntries((list) => [...list.filter((e) => e.id !== saved.id), saved]);
    if (role === 'reviewer') await recompute();
  };

  const setFinding = async (veto: Veto, found: boolean) => {
    const { error } = await supabaseClient.from('veto_findings').upsert(derived<'veto_findings', 'street_id'>({ round_id: round!.id, unit_id: unit!.id, veto_id: veto.id, found }));
    if (error) return void message.error(toHttpError(error).message);
    setFindings({ ...findings, [veto.id]: found });
    await recompute();
  };

  const upload = async (row: Row, file: File) => {
    const path = `${evidenceFolder}/${row.key}-${Date.now()}-${encodeFileName(file.name)}`;
    const { error } = await supabaseClient.storage.from(BUCKET).upload(path, file, { contentType: file.type || 'application/octet-stream' });
    if (error) return void message.error(t('scoring.uploadRefused', { reason: t(`scoring.uploadReasons.${uploadReason(error)}`) }));
    void message.success(t('scoring.uploaded', { name: file.name }));
    await loadEvidence();
  };
  const openFile = async (file: Evidence) => {
    const { data, error } = await supabaseClient.storage.from(BUCKET).createSignedUrl(file.path, 600);
    if (error) return void message.error(error.message);
    window.open(data.signedUrl, '_blank', 'noopener');
  };

  const reviewerScores = (row: Row) => entries.filter((e) => e.subitem_id === row.key && e.scorer_role === 'reviewer');
  const mean = (row: Row) => {
    const list = reviewerScores(row);
    return list.length ? list.reduce((s, e) => s + e.score, 0) / list.length : null;
  };
  const selfTotal = useMemo(() => rows.reduce((sum, r) => sum + (entries.find((e) => e.subitem_id === r.key && e.scorer_role === 'self')?.score ?? 0), 0), [rows, entries]);
  const roundLabel = (r: Round) => `${t('results.roundName', { year: r.year, kind: t(`scoring.rounds.${r.kind}`) })}${r.published_at ? t('scoring.publishedTag') : ''}`;


  // The unit's score and grade, as the database last computed them, and why it fell short.
  const gradeCard = (
    <Card size="small" title={t('scoring.grade')} data-testid="grade-card">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('scoring.selfTotal')}><span data-testid="self-total">{formatScore(selfTotal)}</span></Descriptions.Item>
        <Descriptions.Item label={t('scoring.total')}><span data-testid="grade-total">{formatScore(grade?.total)}</span></Descriptions.Item>
        <Descriptions.Item label={t('scoring.gradeLabel')}>
          <span data-testid="grade-tag">
            {!grade ? '—' : grade.demonstration ? <Tag color="red">{t('scoring.demonstration')}</Tag> : grade.standard ? <Tag color="blue">{t('scoring.standard')}</Tag> : <Tag>{t('scoring.none')}</Tag>}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {grade && grade.reasons.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t('scoring.why')}
          description={<ul style={{ paddingLeft: 18, margin: 0 }}>{grade.reasons.map((r) => (
            <li key={r}>{t(`scoring.reasons.${r}`, { total: grade.total, missing: (grade.parts ?? 0) - (grade.parts_standard ?? 0), of: grade.parts ?? 0, demo: grade.parts_demo ?? 0 })}</li>
          ))}</ul>}
        />
      )}
      {round?.published_at && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('scoring.published')} />}
    </Card>
  );

  const officeCampaigns = campaigns.filter((c) => memberships.some((m) => m.role === 'street_office' && m.street_id === c.street_id));
  const openRound = async () => {
    const v = await roundForm.validateFields();
    const { data, error } = await supabaseClient.from('score_rounds').insert(derived<'score_rounds', 'street_id'>(v)).select('id').single();
    if (error) return void roundForm.setFields([{ name: 'kind', errors: [toHttpError(error).message] }]);
    setOpening(false);
    void message.success(t('scoring.opened'));
    await loadRounds();
    setParams({ round: String(data.id) });
  };
  const openRoundButton = officeCampaigns.length > 0 && (
    <Button onClick={() => { roundForm.setFieldsValue({ campaign_id: officeCampaigns[0]!.id, year: new Date().getFullYear() }); setOpening(true); }}>
      {t('scoring.openRound')}
    </Button>
  );
  const chosenCampaign = Form.useWatch('campaign_id', roundForm);
  const openRoundDialog = (
    <Modal title={t('scoring.openRound')} open={opening} onCancel={() => setOpening(false)} onOk={openRound} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('scoring.phaseHint')} />
      <Form form={roundForm} name="open-round" layout="vertical">
        <Form.Item name="campaign_id" label={t('scoring.campaign')} rules={[{ required: true, message: t('scoring.rules.campaign') }]}>
          <Select options={officeCampaigns.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('scoring.round')} rules={[{ required: true, message: t('scoring.rules.kind') }]}>
          <Select options={['self_check', 'pre_acceptance', 'yearly_acceptance', 'full_acceptance', 're_evaluation'].map((k) => ({ value: k, label: t(`scoring.rounds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('scoring.year')} rules={[{ required: true, message: t('scoring.rules.year') }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="version_id" label={t('scoring.version')} rules={[{ required: true, message: t('scoring.rules.version') }]}>
          <Select options={publishedVersions.filter((v) => v.campaign_id === chosenCampaign).map((v) => ({ value: v.id, label: t('scoring.versionLabel', { year: v.year }) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );

  if (!rounds.length) {
    return (
      <Card title={t('scoring.title')} extra={openRoundButton}>
        <Empty description={t('scoring.noRounds')} />
        {openRoundDialog}
      </Card>
    );
  }
  return (
    <Card
      title={t('scoring.title')}
      extra={
        <Space wrap>
          {openRoundButton}
          <Select style={{ width: 200 }} value={roundId} aria-label={t('scoring.round')} onChange={(v) => setParams({ round: String(v) })} options={rounds.map((r) => ({ value: r.id, label: roundLabel(r) }))} />
          <Select
            style={{ width: 260 }}
            showSearch
            optionFilterProp="label"
            placeholder={t('scoring.pickUnit')}
            aria-label={t('scoring.unit')}
            value={unitId}
            onChange={(v) => setParams({ round: String(roundId), unit: String(v) })}
            options={units.map((u) => ({ value: u.id, label: `${u.name}（${t(`units.kinds.${u.kind}`)}）` }))}
          />
        </Space>
      }
    >
      {!unit ? (
        <Empty description={t('scoring.pickUnit')} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {gradeCard}
            <Table<Row>
              // The score fields are uncontrolled: another unit gets fresh ones, not this unit's values.
              key={unit.id}
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              tableLayout="fixed"
              dataSource={rows}
              columns={[
                { title: t('scoring.fields.number'), dataIndex: 'number', width: 56, onCell: (r) => ({ rowSpan: r.span }) },
                { title: t('scoring.fields.goal'), dataIndex: 'goal', width: 130, onCell: (r) => ({ rowSpan: r.span }) },
                { title: t('scoring.fields.content'), dataIndex: 'content' },
                { title: t('scoring.fields.points'), dataIndex: 'points', width: 56, align: 'right' },
                {
                  title: t('scoring.fields.self'), width: maySelf ? 120 : 90,
                  render: (_, r) => {
                    const own = entries.find((e) => e.subitem_id === r.key && e.scorer_role === 'self');
                    return maySelf ? (
                      <ScoreInput points={r.points} initial={own?.score} who="self" label={t('scoring.selfFor', { n: r.number, i: r.sort + 1 })}
                        onSave={(score) => void saveScore(r, 'self', score)} />
                    ) : formatScore(own?.score);
                  },
                },
                {
                  title: t('scoring.fields.reviewers'), width: 120,
                  render: (_, r) => {
                    const list = reviewerScores(r);
                    const m = mean(r);
                    return list.length ? (
                      <Tooltip title={list.map((e, i) => `${t('scoring.reviewerN', { n: i + 1 })}：${formatScore(e.score)}${e.note ? `（${e.note}）` : ''}`).join('；')}>
                        <Space size={4} data-testid={`mean-${r.key}`}>
                          <Typography.Text strong>{formatScore(m)}</Typography.Text>
                          <Typography.Text type="secondary">{`(${list.map((e) => formatScore(e.score)).join(' / ')})`}</Typography.Text>
                        </Space>
                      </Tooltip>
                    ) : '—';
                  },
                },
                ...(mayReview ? [{
                  title: t('scoring.fields.mine'), width: 190,
                  render: (_: unknown, r: Row) => {
                    const own = entries.find((e) => e.subitem_id === r.key && e.scorer_role === 'reviewer' && e.scorer_id === me);
                    return (
                      <Space size={4} align="start">
                        <ScoreInput points={r.points} initial={own?.score} who="score" label={t('scoring.mineFor', { n: r.number, i: r.sort + 1 })}
                          onSave={(score) => void saveScore(r, 'reviewer', score)} />
                        <Input size="small" defaultValue={own?.note ?? ''} placeholder={t('scoring.note')} style={{ width: 96 }}
                          onBlur={(e) => own && e.target.value !== (own.note ?? '') && void saveScore(r, 'reviewer', own.score, e.target.value)} />
                      </Space>
                    );
                  },
                }] : []),
                {
                  title: t('scoring.fields.evidence'), width: 170,
                  render: (_, r) => (
                    <Space direction="vertical" size={2}>
                      {(evidence[r.key] ?? []).map((f) => (
                        <Typography.Link key={f.path} onClick={() => void openFile(f)} ellipsis style={{ maxWidth: 160 }} data-testid="evidence-file">
                          <PaperClipOutlined /> {f.name}
                        </Typography.Link>
                      ))}
                      {(maySelf || mayReview) && (
                        <Upload showUploadList={false} beforeUpload={(file) => { void upload(r, file); return false; }}>
                          <Button size="small" icon={<UploadOutlined />} aria-label={t('scoring.uploadFor', { n: r.number, i: r.sort + 1 })}>{t('scoring.upload')}</Button>
                        </Upload>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('scoring.vetoes')}</Typography.Title>
            {vetoes.length === 0 ? <Typography.Text type="secondary">{t('scoring.noVetoes')}</Typography.Text> : (
              <Space direction="vertical">
                {vetoes.map((v) => (
                  <Checkbox key={v.id} checked={!!findings[v.id]} disabled={!mayReview} onChange={(e) => void setFinding(v, e.target.checked)}>
                    {v.content}
                  </Checkbox>
                ))}
              </Space>
            )}
        </Space>
      )}
      {openRoundDialog}
    </Card>
  );
}
