// Holds a member whose password the street office reset on 修改密码 (/change-password) until
// they set their own: every screen inside it (the layout with its pages, the printable pages)
// waits for the answer, then opens or sends the user there. What the screens need next (the
// layout's chunks, the memberships) starts loading beside the answer, not after it.
import { useEffect, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { myMemberships } from '@/access/memberships';
import { useMustChangePassword } from '@/access/password';
import { PageFallback } from './page-fallback';

export function PasswordGate({ children, preload }: { children: ReactNode; preload?: () => unknown }) {
  const mustChange = useMustChangePassword();
  useEffect(() => {
    void Promise.resolve(preload?.()).catch(() => undefined); // a failed chunk load is reported when it renders
    myMemberships().catch(() => undefined);
  }, [preload]);
  if (mustChange === undefined) return <PageFallback />;
  if (mustChange) return <Navigate to="/change-password" replace />;
  return children;
}
