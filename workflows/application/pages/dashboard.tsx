// 我的申报表 on the 工作台 (the application's work card, ../pages.tsx), for a community's filer: per
// community it files for, its latest application's state, the filing window's last day while the
// filer still has to hand it in (the filingOpen guard's until(), read from the instance's facts),
// an 打开 button, and its self-check in the open self-check round (评分表). A community without
// one gets 新建申报 only when the database's start rule would let it (workflow_start_refusals,
// as the list's start button); otherwise the card says why not.
import { useGo, useTranslation } from '@refinedev/core';
import { App, Button, List, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DaysLeft, formatDate, jsonObject, myMemberships, StatusTag, supabaseClient, useWorkCardData, WorkCard, workflowError,
  type JsonObject, type SelectRow, type WorkCardProps,
} from '@/plugin-api';
import { applicationPlugin as plugin } from '../index.ts';

const SELECT = 'id, state, form, community_id, updated_at';
type Application = SelectRow<'workflow_instances', typeof SELECT>;

/** The states in which the filer still has to hand the form in (submit, resubmit: the filing window holds). */
const FILING_STATES = new Set(['draft', 'returned']);

interface Entry {
  community: number;
  name: string;
  application: Application | null;
  facts: JsonObject;
  /** No application: whether one may be started, and the database's reason when not. */
  startable: boolean;
  refusal: string | null;
  /** The street's filing window's last day (for a community yet to start). */
  closesOn: string | null;
}

interface RoundFacts { id: number; year: number; self_scored: boolean }

const K = 'dashboard.myApplication';

async function load(): Promise<Entry[]> {
  const memberships = (await myMemberships()).filter((m) => m.role === 'community_filer' && m.community_id !== null);
  const communities = [...new Set(memberships.map((m) => m.community_id!))];
  if (!communities.length) return [];
  const streets = [...new Set(memberships.map((m) => m.street_id))];
  const [units, applications] = await Promise.all([
    supabaseClient.from('units').select('id, name').in('id', communities).order('id'),
    // Newest first: a community's first row is its latest application.
    supabaseClient
      .from('workflow_instances')
      .select(SELECT)
      .eq('workflow', plugin.name)
      .in('community_id', communities)
      .order('created_at', { ascending: false })
      .order('id', { ascending: false }),
  ]);
  if (units.error) throw units.error;
  if (applications.error) throw applications.error;
  const latest = new Map<number, Application>();
  for (const a of applications.data ?? []) if (a.community_id !== null && !latest.has(a.community_id)) latest.set(a.community_id, a);

  const ids = [...latest.values()].map((a) => a.id);
  const missing = communities.filter((c) => !latest.has(c));
  const [facts, refusals, campaigns] = await Promise.all([
    ids.length ? supabaseClient.rpc('workflow_facts_of', { p_instance_ids: ids }) : null,
    missing.length ? supabaseClient.rpc('workflow_start_refusals', { p_workflow: plugin.name }) : null,
    missing.length
      ? supabaseClient.from('campaigns').select('street_id, filing_closes_on').in('street_id', streets).order('start_year', { ascending: false })
      : null,
  ]);
  const factsOf = new Map((facts?.data ?? []).map((r) => [r.instance_id, jsonObject(r.facts)]));
  const subjects = new Map((refusals?.data ?? []).map((s) => [Number(s.subject_unit_id), s.refusal as string | null]));
  const streetOf = new Map(memberships.map((m) => [m.community_id!, m.street_id]));
  const closesOn = (community: number) => campaigns?.data?.find((c) => c.street_id === streetOf.get(community))?.filing_closes_on ?? null;
  const nameOf = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  return communities.map((community) => {
    const application = latest.get(community) ?? null;
    const refusal = subjects.get(community);
    return {
      community,
      name: nameOf.get(community) ?? '',
      application,
      facts: application ? factsOf.get(application.id) ?? {} : {},
      // Offered only when the start rule lists the community and has nothing against it.
      startable: !application && subjects.has(community) && !refusal,
      refusal: refusal ?? null,
      closesOn: application ? null : closesOn(community),
    };
  });
}

export default function MyApplicationCard({ onReady }: WorkCardProps) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const go = useGo();
  const { data: entries, failure } = useWorkCardData(load, (e) => e.length > 0, onReady);
  const [starting, setStarting] = useState<number | null>(null);

  async function start(community: number) {
    setStarting(community);
    const { data, error } = await supabaseClient.rpc('start_workflow', { p_workflow: plugin.name, p_subject_unit_id: community });
    setStarting(null);
    if (error) {
      void message.error(workflowError(plugin, error).message);
      return;
    }
    void message.success(translate('workflow.started'));
    go({ to: `/workflows/${plugin.name}/${data.id}` });
  }

  if (failure) return failure;
  if (!entries || entries.length === 0) return null;
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <WorkCard testId="work-card-application" title={translate(`${K}.title`)}>
      <List
        size="small"
        split={entries.length > 1}
        dataSource={entries}
        renderItem={(e) => {
          const a = e.application;
          const facts = e.facts;
          const factsToday = typeof facts.today === 'string' ? facts.today : today;
          const deadline = a && FILING_STATES.has(a.state) ? plugin.guards.filingOpen.until?.(facts) ?? null : e.closesOn;
          const complete = a ? plugin.guards.formComplete.check({ form: jsonObject(a.form), payload: {}, roles: [], facts }, undefined as never) : true;
          const selfCheck = (jsonObject(facts.rounds).self_check ?? null) as RoundFacts | null;
          return (
            <List.Item style={{ display: 'block', padding: '4px 0' }} data-testid={`my-application-${e.community}`}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
                <Space size={8}>
                  <Typography.Text strong>{e.name}</Typography.Text>
                  {a ? (
                    <StatusTag plugin={plugin} state={a.state} data-testid="my-application-state" />
                  ) : (
                    <Tag data-testid="my-application-state">{translate('worklist.applications.none')}</Tag>
                  )}
                </Space>
                {a ? (
                  <Button type="primary" size="small" onClick={() => go({ to: `/workflows/${plugin.name}/${a.id}` })} data-testid="my-application-open">
                    {translate(`${K}.open`)}
                  </Button>
                ) : e.startable ? (
                  <Button type="primary" size="small" loading={starting === e.community} onClick={() => void start(e.community)} data-testid="my-application-start">
                    {translate(`${K}.start`)}
                  </Button>
                ) : null}
              </Space>
              <div style={{ display: 'grid', gap: 2, marginTop: 4, fontSize: 13 }}>
                {deadline && (a || e.startable) && (
                  <Space size={6} data-testid="my-application-deadline">
                    <Typography.Text type="secondary">{translate(`${K}.deadline`)}</Typography.Text>
                    <span>{formatDate(deadline)}</span>
                    <DaysLeft date={deadline} today={factsToday} />
                  </Space>
                )}
                {a && FILING_STATES.has(a.state) && !complete && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>{translate(`${K}.incomplete`)}</Typography.Text>
                )}
                {!a && !e.startable && e.refusal && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.refusal}</Typography.Text>
                )}
                {selfCheck && (
                  <Space size={6} data-testid="my-application-self-check">
                    <Typography.Text type="secondary">
                      {translate('results.roundName', { year: selfCheck.year, kind: translate('scoring.rounds.self_check') })}
                    </Typography.Text>
                    <Tooltip title={translate(`${K}.selfCheckHint`)}>
                      <Tag color={selfCheck.self_scored ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }}>
                        {translate(selfCheck.self_scored ? `${K}.selfScored` : `${K}.selfPending`)}
                      </Tag>
                    </Tooltip>
                    <Link to={`/scoring?round=${selfCheck.id}&unit=${e.community}`}>{translate('scoring.title')}</Link>
                  </Space>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </WorkCard>
  );
}
