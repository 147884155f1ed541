// 行动目标: a campaign's dated targets (section 二 of the plan) with how each stands today. Every
// street role reads them; the street office adds, edits and removes them. A number opens the
// units behind it, as on the dashboard.
import { List } from '@refinedev/antd';
import { CanAccess, useTranslation } from '@refinedev/core';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Result, Select, Space, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { i18n, NO_TOGGLEABLE_COLUMNS, TableToolbar, toHttpError, supabaseClient, useTableSettings } from '@/plugin-api';
import { defaultCampaign, fetchProgress, streetCampaigns, unitTotals, type CampaignChoice, type TargetProgress } from './model';
import { ProgressTable } from './progress-table';

const TargetForm = lazy(() => import('./form'));
const TargetUnitsDrawer = lazy(() => import('./units-drawer'));

function Targets() {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [choices, setChoices] = useState<{ campaigns: CampaignChoice[]; officeStreets: number[] } | null>(null);
  const [campaignId, setCampaignId] = useState<number>();
  const [rows, setRows] = useState<TargetProgress[] | null>(null);
  // The street's units by kind, for the form's warning: read once per street, when the form first opens.
  const [totals, setTotals] = useState<{ street: number; counts: Partial<Record<string, number>> } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<TargetProgress | 'new' | null>(null);
  const [drill, setDrill] = useState<{ target: TargetProgress; counted: boolean } | null>(null);

  // Not tied to translate's identity: the campaigns are read once, not again when the page re-renders.
  const fail = useCallback((error: { message?: string }) => setFailure(i18n.t('errors.unknown', { message: error.message ?? '' })), []);

  useEffect(() => {
    streetCampaigns()
      .then((c) => {
        setChoices(c);
        setCampaignId((id) => id ?? defaultCampaign(c.campaigns, c.officeStreets)?.id);
      })
      .catch((error) => {
        fail(error);
        setChoices({ campaigns: [], officeStreets: [] });
      });
  }, [fail]);

  const campaign = choices?.campaigns.find((c) => c.id === campaignId);

  const load = useCallback(async () => {
    if (!campaign) return;
    try {
      setRows(await fetchProgress(campaign.id));
      setFailure(null);
    } catch (error) {
      fail(error as { message?: string });
      setRows([]);
    }
  }, [campaign, fail]);

  useEffect(() => {
    setRows(null);
    void load();
  }, [load]);

  const settings = useTableSettings('targets', NO_TOGGLEABLE_COLUMNS);
  const street = campaign?.street_id;
  const formOpen = editing !== null;
  useEffect(() => {
    if (!formOpen || street === undefined || totals?.street === street) return;
    unitTotals(street)
      .then((counts) => setTotals({ street, counts }))
      .catch(fail);
  }, [formOpen, street, totals, fail]);

  const isOffice = !!campaign && !!choices?.officeStreets.includes(campaign.street_id);
  const met = useMemo(() => (rows ?? []).filter((r) => r.met).length, [rows]);

  async function remove(target: TargetProgress) {
    const { error } = await supabaseClient.from('campaign_targets').delete().eq('id', target.id);
    if (error) return void message.error(toHttpError(error).message);
    void message.success(translate('targets.deleted'));
    await load();
  }

  if (choices && choices.campaigns.length === 0) {
    return (
      <List title={translate('targets.title')} canCreate={false}>
        {failure ? <Alert type="error" showIcon message={failure} /> : <Result status="info" subTitle={translate('targets.noCampaign')} />}
      </List>
    );
  }

  return (
    <List
      title={translate('targets.title')}
      canCreate={false}
      headerProps={{
        subTitle: rows && rows.length > 0 ? <span data-testid="targets-summary">{translate('targets.summary', { met, total: rows.length })}</span> : undefined,
      }}
      headerButtons={
        <Space>
          {choices && choices.campaigns.length > 1 && (
            <Select
              style={{ minWidth: 300 }}
              value={campaignId}
              onChange={(id) => {
                setCampaignId(id);
                setDrill(null);
              }}
              options={choices.campaigns.map((c) => ({ value: c.id, label: c.name }))}
              aria-label={translate('targets.campaign')}
            />
          )}
          <TableToolbar settings={settings} onRefresh={() => void load()} refreshing={rows === null} />
          {isOffice && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="target-create">
              {translate('targets.create')}
            </Button>
          )}
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {choices && choices.campaigns.length === 1 && campaign ? `${campaign.name} · ` : ''}
        {translate('targets.progressHint')}
      </Typography.Paragraph>
      <ProgressTable
        rows={rows}
        size={settings.size}
        campaign={campaign}
        onDrill={(target, counted) => setDrill({ target, counted })}
        actions={
          isOffice
            ? (r) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={translate('buttons.edit')}>
                    {translate('buttons.edit')}
                  </Button>
                  <Popconfirm title={translate('targets.deleteConfirm')} onConfirm={() => remove(r)} okText={translate('buttons.delete')} cancelText={translate('buttons.cancel')}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={translate('buttons.delete')}>
                      {translate('buttons.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            : undefined
        }
      />
      {editing && campaign && (
        <Suspense>
          <TargetForm
            campaign={campaign}
            target={editing === 'new' ? undefined : editing}
            totals={totals?.street === campaign.street_id ? totals.counts : {}}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void load();
            }}
          />
        </Suspense>
      )}
      {drill && (
        <Suspense>
          <TargetUnitsDrawer key={`${drill.target.id}-${drill.counted}`} target={drill.target} initialCounted={drill.counted} onClose={() => setDrill(null)} />
        </Suspense>
      )}
    </List>
  );
}

export default function TargetsPage() {
  const { translate } = useTranslation();
  return (
    <CanAccess resource="targets" action="list" fallback={<Result status="403" subTitle={translate('buttons.notAccessTitle')} />}>
      <Targets />
    </CanAccess>
  );
}
