// The printed 申报表: one A4 page laid out as attachment 4, with the street's opinion, its date
// and the seal once approved. Where several reviewers 会签 the approval, the opinion is each of
// theirs (their votes, just before the approval), each once. Printing from the browser gives this page, exactly one sheet; a PDF
// is the print dialog's 另存为 PDF (real text in the browser's fonts, tens of kilobytes, where a
// picture of the page was megabytes of pixels with nothing to select or search).
import { useTranslation } from '@refinedev/core';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { jsonObject, supabaseClient, type Tables } from '@/plugin-api';
import type { ApplicationForm } from './index';

interface Sheet {
  form: ApplicationForm;
  community: string;
  street: string;
  year: number;
  compounds: Map<number, string>;
  opinion: { texts: string[]; at: string } | null;
  seal: string | null;
}

async function loadSheet(instanceId: number): Promise<Sheet | null> {
  const { data: instance } = await supabaseClient
    .from('workflow_instances')
    .select('form, street_id, created_at, subject:units!subject_unit_id(name)')
    .eq('id', instanceId)
    .eq('workflow', 'application')
    .maybeSingle();
  if (!instance) return null;
  // The form as the plugin's schema has it: the engine checked it against that schema on save.
  const form = instance.form as ApplicationForm;
  const ids = [...new Set([...(form.compound_ids ?? []), ...(form.demo_compound_ids ?? [])])];
  const [units, approval, seal, campaign, street] = await Promise.all([
    ids.length ? supabaseClient.from('units').select('id, name').in('id', ids) : Promise.resolve({ data: [] as Pick<Tables<'units'>, 'id' | 'name'>[] }),
    // (the log, newest first: the approval, and the 会签 votes right before it)
    supabaseClient.from('workflow_events').select('event, payload, created_at').eq('instance_id', instanceId).order('id', { ascending: false }).limit(100),
    supabaseClient.from('street_seals').select('image').eq('street_id', instance.street_id).maybeSingle(),
    supabaseClient.from('campaigns').select('start_year').eq('street_id', instance.street_id).order('start_year', { ascending: false }).limit(1),
    supabaseClient.from('units').select('name').eq('id', instance.street_id).maybeSingle(),
  ]);
  const log = approval.data ?? [];
  const last = log.findIndex((e) => e.event === 'approve');
  const approved = last >= 0 ? log[last] : undefined;
  // The votes that led to it: the countersign rows right before it, the approving ones.
  const votes: string[] = [];
  for (const e of log.slice(last + 1)) {
    if (e.event !== 'countersign') break;
    const vote = jsonObject(e.payload);
    if (vote.event === 'approve') votes.unshift(String(jsonObject(vote.payload).opinion ?? ''));
  }
  const texts = [...new Set((votes.length ? votes : [String(jsonObject(approved?.payload ?? {}).opinion ?? '')]).filter(Boolean))];
  return {
    form,
    community: instance.subject?.name ?? '',
    street: street.data?.name ?? '',
    year: campaign.data?.[0]?.start_year ?? dayjs(instance.created_at).year(),
    compounds: new Map((units.data ?? []).map((u) => [u.id, u.name])),
    opinion: approved ? { texts, at: approved.created_at } : null,
    seal: approved ? (seal.data?.image ?? null) : null,
  };
}

const css = `
.qt-sheet { width: 210mm; min-height: 297mm; margin: 16px auto; padding: 18mm 16mm; background: #fff; color: #000;
  font-family: 'Noto Serif CJK SC', 'Songti SC', 'SimSun', serif; box-shadow: 0 0 8px rgba(0,0,0,.15); box-sizing: border-box; }
.qt-sheet h1 { font-size: 20pt; text-align: center; margin: 0 0 4px; font-weight: bold; letter-spacing: 1px; }
.qt-sheet .sub { text-align: center; font-size: 14pt; margin-bottom: 12px; }
.qt-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11.5pt; }
.qt-sheet th, .qt-sheet td { border: 1px solid #000; padding: 6px 8px; vertical-align: middle; line-height: 1.6; word-break: break-all; }
.qt-sheet th { font-weight: normal; text-align: center; }
.qt-sheet .tall { height: 90px; vertical-align: top; }
.qt-sheet .opinion { height: 150px; vertical-align: top; position: relative; }
.qt-sheet .sign { position: absolute; right: 24px; bottom: 14px; text-align: right; }
.qt-sheet .seal { position: absolute; right: 34px; bottom: -6px; width: 120px; height: 120px; opacity: .9; }
@media print {
  @page { size: A4; margin: 0; }
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  .qt-toolbar { display: none !important; }
  /* The page is the sheet and nothing more: no screen padding around it, and a height a hair under
     A4's, so rounding never spills an empty second page. */
  .qt-print-page { background: #fff !important; min-height: 0 !important; padding: 0 !important; }
  .qt-sheet { margin: 0; box-shadow: none; min-height: 0; height: 296.5mm; overflow: hidden; break-after: avoid; page-break-after: avoid; }
}`;

export default function ApplicationPrintView({ instanceId }: { instanceId: number }) {
  const { translate } = useTranslation();
  const t = (key: string, options?: Record<string, unknown>) => translate(`workflows.application.${key}`, options);
  const [sheet, setSheet] = useState<Sheet | null | undefined>(undefined);
  useEffect(() => void loadSheet(instanceId).then(setSheet), [instanceId]);

  if (sheet === undefined) return <Spin style={{ display: 'block', margin: 64 }} />;
  if (sheet === null) return <Alert type="error" showIcon message={translate('workflow.errors.WF007')} style={{ margin: 24 }} />;
  const { form } = sheet;
  const names = (ids: number[] | undefined) => (ids ?? []).map((id) => sheet.compounds.get(id) ?? String(id)).join('、');
  const box = (checked: boolean) => (checked ? '☑' : '□');
  const date = sheet.opinion ? dayjs(sheet.opinion.at) : null;

  return (
    <div className="qt-print-page" style={{ background: '#f0f2f5', minHeight: '100vh', padding: '1px 0' }}>
      <style>{css}</style>
      <Space className="qt-toolbar" direction="vertical" align="center" size={4} style={{ display: 'flex', marginTop: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="sheet-print">{translate('formView.print')}</Button>
        <Typography.Text type="secondary" data-testid="sheet-print-hint">{translate('formView.printHint')}</Typography.Text>
      </Space>
      {!sheet.opinion && <Alert className="qt-toolbar" type="info" showIcon message={t('print.notApproved')} style={{ width: '210mm', margin: '12px auto 0' }} />}
      <div className="qt-sheet" data-testid="application-sheet">
        <h1>{t('print.title', { year: sheet.year, street: sheet.street })}</h1>
        <div className="sub">{t('print.subtitle')}</div>
        <table>
          <colgroup>
            <col style={{ width: '14%' }} /><col style={{ width: '17%' }} /><col style={{ width: '19%' }} />
            <col style={{ width: '17%' }} /><col style={{ width: '33%' }} />
          </colgroup>
          <tbody>
            <tr>
              <th rowSpan={5}>{t('print.overview')}</th>
              <th>{t('community_name')}</th>
              <td colSpan={3}>{sheet.community}</td>
            </tr>
            <tr>
              <th>{t('fields.registered_households')}</th><td>{form.registered_households ?? ''}</td>
              <th>{t('fields.registered_people')}</th><td>{form.registered_people ?? ''}</td>
            </tr>
            <tr>
              <th>{t('fields.resident_households')}</th><td>{form.resident_households ?? ''}</td>
              <th>{t('fields.resident_people')}</th><td>{form.resident_people ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.compoundCount')}</th>
              <td colSpan={3}>{(form.compound_ids ?? []).length}</td>
            </tr>
            <tr>
              <th>{t('fields.compound_ids')}</th>
              <td colSpan={3}>{names(form.compound_ids)}</td>
            </tr>
            <tr>
              <th colSpan={2}>{t('print.creationType', { year: sheet.year })}</th>
              <td colSpan={3}>
                {box(form.creation_type === 'demonstration')}1.{t('creationTypes.demonstration')}　{box(form.creation_type === 'standard')}2.{t('creationTypes.standard')}
              </td>
            </tr>
            <tr>
              <th colSpan={2} rowSpan={1}>{t('print.plannedDemo', { year: sheet.year })}</th>
              <td>{t('print.number')}：{(form.demo_compound_ids ?? []).length}</td>
              <td colSpan={2}>{t('print.names')}：{names(form.demo_compound_ids)}</td>
            </tr>
            <tr>
              <th colSpan={2}>{t('fields.social_org_count')}</th>
              <td colSpan={3}>{form.social_org_count ?? ''}</td>
            </tr>
            <tr>
              <th colSpan={2}>{t('fields.measures')}</th>
              <td colSpan={3} className="tall">{form.measures ?? ''}</td>
            </tr>
            <tr>
              <th rowSpan={3}>{t('brandProject')}</th>
              <th>{t('fields.brand_name')}</th>
              <td colSpan={3}>{form.brand_name ?? ''}</td>
            </tr>
            <tr>
              <th>{t('fields.brand_goal')}</th>
              <td colSpan={3}>{form.brand_goal ?? ''}</td>
            </tr>
            <tr>
              <th>{t('fields.milestones')}</th>
              <td colSpan={3} className="tall">
                {(form.milestones ?? []).map((m, i) => (
                  <div key={i}>{i + 1}. {m.content}（{m.due_on}）</div>
                ))}
              </td>
            </tr>
            <tr>
              <th colSpan={2}>{t('print.opinion')}</th>
              <td colSpan={3} className="opinion" data-testid="sheet-opinion">
                {sheet.opinion?.texts.map((text, i) => <div key={i}>{text}</div>)}
                {sheet.seal && <img className="seal" src={sheet.seal} alt={t('print.seal')} data-testid="sheet-seal" />}
                <div className="sign">
                  <div>{date ? t('print.date', { y: date.year(), m: date.month() + 1, d: date.date() }) : t('print.date', { y: '　　', m: '　', d: '　' })}</div>
                  <div>{t('print.seal')}</div>
                </div>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
