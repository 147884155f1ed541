// 进行中的评分 on the 工作台 (the results page's work card, ../../pages.tsx), for the street roles and
// a district office: the rounds of the user's streets not yet published (评分通报), how many units
// each has graded so far, each opening its 评分通报 and, for those who score, its 评分表. A district
// office only reads. None open: no card.
import { useTranslation } from '@refinedev/core';
import { List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { myMemberships, supabaseClient, useWorkCardData, WorkCard, type MemberRole, type WorkCardProps } from '@/plugin-api';

/** Who opens the 评分表 (its page's roles, ../../pages.tsx, but the filer's, who has its own card). */
const SCORERS: MemberRole[] = ['street_office', 'reviewer', 'viewer'];

interface OpenRound { id: number; kind: string; year: number; street: string; graded: number; scores: boolean }

async function load(): Promise<{ rounds: OpenRound[]; streets: number }> {
  const memberships = await myMemberships();
  const streetWide = memberships.filter((m) => m.community_id === null);
  const streets = [...new Set(streetWide.flatMap((m) => [m.street_id, ...(m.district_streets ?? [])]))];
  if (!streets.length) return { rounds: [], streets: 0 };
  const scorerStreets = new Set(streetWide.filter((m) => SCORERS.includes(m.role)).map((m) => m.street_id));
  const [rounds, units] = await Promise.all([
    supabaseClient
      .from('score_rounds')
      .select('id, street_id, kind, year')
      .in('street_id', streets)
      .is('published_at', null)
      .order('street_id')
      .order('created_at', { ascending: false }),
    supabaseClient.from('units').select('id, name').in('id', streets),
  ]);
  if (rounds.error) throw rounds.error;
  const name = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  // Units with a reviewers' total so far, per round (a head count each: the rounds open at once are few).
  const graded = await Promise.all(
    (rounds.data ?? []).map(async (r) => {
      const { count } = await supabaseClient.from('unit_grades').select('unit_id', { count: 'exact', head: true }).eq('round_id', r.id).not('total', 'is', null);
      return count ?? 0;
    }),
  );
  return {
    rounds: (rounds.data ?? []).map((r, i) => ({
      id: r.id, kind: r.kind, year: r.year, street: name.get(r.street_id) ?? '', graded: graded[i]!, scores: scorerStreets.has(r.street_id),
    })),
    // Several streets read (a district office): each round names its street.
    streets: streets.length,
  };
}

export default function OpenRoundsCard({ onReady }: WorkCardProps) {
  const { translate } = useTranslation();
  const { data: loaded, failure } = useWorkCardData(load, (l) => l.rounds.length > 0, onReady);

  if (failure) return failure;
  if (!loaded || loaded.rounds.length === 0) return null;
  const roundName = (r: OpenRound) => translate('results.roundName', { year: r.year, kind: translate(`scoring.rounds.${r.kind}`) });
  return (
    <WorkCard
      testId="work-card-open-rounds"
      title={translate('results.dashboard.title')}
      all={{ to: '/results', label: translate('results.dashboard.all') }}
      count={{ title: translate('results.dashboard.count'), value: loaded.rounds.length, suffix: translate('results.dashboard.unit'), testId: 'work-rounds-count' }}
    >
      <List
        size="small"
        split={false}
        style={{ marginTop: 4 }}
        dataSource={loaded.rounds}
        renderItem={(r) => (
          <List.Item style={{ padding: '2px 0', gap: 8 }} data-testid={`open-round-${r.id}`}>
            <Link to={`/results?round=${r.id}`}>
              {loaded.streets > 1 ? `${r.street} · ` : ''}
              {roundName(r)}
            </Link>
            <Space size={8} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{translate('results.dashboard.graded', { count: r.graded })}</Typography.Text>
              {r.scores && <Link to={`/scoring?round=${r.id}`}>{translate('scoring.title')}</Link>}
            </Space>
          </List.Item>
        )}
      />
    </WorkCard>
  );
}
