// The 工作台's first section: the work cards (src/registry/pages.ts: the core's 我的待办 and each
// plugin's) for the user's roles, in their order. Each says whether it shows anything (onReady);
// when none does, one line says that nothing waits.
import { useTranslation } from '@refinedev/core';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { Component, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { myMemberships, scopeOf, useMembershipsVersion, type MemberRole } from '@/access/memberships';
import { WORK_CARDS } from '@/registry/pages';

/** A card that fails to load or render says so in its place; the others stay. */
class CardBoundary extends Component<{ children: ReactNode; onError: () => void; message: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onError();
  }
  override render() {
    return this.state.failed ? <Alert type="error" showIcon message={this.props.message} /> : this.props.children;
  }
}

export default function WorkCards() {
  const { translate } = useTranslation();
  // An accepted invitation changes the roles, and what the cards read: they read again.
  const membershipsVersion = useMembershipsVersion();
  const [roles, setRoles] = useState<Set<MemberRole> | null>(null);
  const [shown, setShown] = useState<Record<string, boolean>>({});

  useEffect(() => {
    let live = true;
    setShown({});
    myMemberships()
      .then((ms) => live && setRoles(scopeOf(ms).roles))
      .catch(() => live && setRoles(new Set()));
    return () => {
      live = false;
    };
  }, [membershipsVersion]);

  // One onReady per card, kept across renders (the cards load in an effect that names it).
  const callbacks = useRef(new Map<string, (value: boolean) => void>());
  const onReady = useCallback((name: string) => {
    let callback = callbacks.current.get(name);
    if (!callback) {
      callback = (value: boolean) => setShown((prev) => (prev[name] === value ? prev : { ...prev, [name]: value }));
      callbacks.current.set(name, callback);
    }
    return callback;
  }, []);

  // No membership: nothing can wait (the page above says whom to ask).
  if (!roles || roles.size === 0) return null;
  const cards = WORK_CARDS.filter((c) => !c.roles || c.roles.some((role) => roles.has(role)));
  const pending = cards.some((c) => shown[c.name] === undefined);
  const nothing = !pending && cards.every((c) => !shown[c.name]);

  return (
    <>
      <div
        data-testid="dashboard-work"
        style={{ display: Object.values(shown).some(Boolean) ? 'grid' : 'none', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', alignItems: 'start' }}
      >
        {cards.map(({ name, Card: WorkCard }) => (
          <CardBoundary key={`${name}-${membershipsVersion}`} onError={() => onReady(name)(true)} message={translate('dashboard.cardFailed')}>
            <Suspense fallback={null}>
              <WorkCard onReady={onReady(name)} />
            </Suspense>
          </CardBoundary>
        ))}
      </div>
      {pending && !Object.values(shown).some(Boolean) && <Skeleton active title={false} paragraph={{ rows: 2 }} />}
      {nothing && (
        <Card size="small" data-testid="dashboard-empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('dashboard.nothingWaits')} style={{ margin: '8px 0' }} />
        </Card>
      )}
    </>
  );
}
