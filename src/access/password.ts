// Whether the signed-in user must change their password before using the admin: the street
// office reset it (reset_member_password sets profiles.must_change_password), and the database
// clears the flag when the user's own password changes. Read once per session and user, through
// Refine's query client, so the gate, the 修改密码 screen and the dialog share one answer.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '@supabase/supabase-js';
import { supabaseClient } from '@/providers/supabase-client';

const KEY = 'must-change-password';

/**
 * The signed-in session: the user's id and the session's id (the JWT's session_id, the same
 * across refreshes and new at each sign-in), following sign-in and sign-out. Keyed by both, the
 * answer is read again after the user signs in anew in the same tab (say, after the office reset
 * the password and the old session ended).
 */
function useSessionKey(): { userId: string; sessionId: string } | null | undefined {
  const [key, setKey] = useState<{ userId: string; sessionId: string } | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const follow = (session: Session | null) => {
      if (!live) return;
      const next = session ? { userId: session.user.id, sessionId: sessionIdOf(session.access_token) } : null;
      setKey((current) => (current && next && current.userId === next.userId && current.sessionId === next.sessionId ? current : next));
    };
    void supabaseClient.auth.getSession().then(({ data }) => follow(data.session));
    const { data } = supabaseClient.auth.onAuthStateChange((_event, session) => follow(session));
    return () => {
      live = false;
      data.subscription.unsubscribe();
    };
  }, []);
  return key;
}

function sessionIdOf(accessToken: string): string {
  try {
    const payload = accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return String((JSON.parse(atob(payload)) as { session_id?: unknown }).session_id ?? '');
  } catch {
    return '';
  }
}

/**
 * true: the user must change the password first; false: not; undefined: not known yet. A failed
 * read lets the user through (false): the flag guides the admin, it guards nothing.
 */
export function useMustChangePassword(): boolean | undefined {
  const session = useSessionKey();
  const userId = session?.userId;
  const { data } = useQuery({
    queryKey: [KEY, userId, session?.sessionId],
    enabled: Boolean(userId),
    staleTime: Infinity,
    retry: 1,
    queryFn: async () => {
      const { data: row, error } = await supabaseClient.from('profiles').select('must_change_password').eq('id', userId!).maybeSingle();
      if (error) return false;
      return Boolean(row?.must_change_password);
    },
  });
  if (session === undefined) return undefined;
  if (session === null) return false;
  return data;
}

/** After the user changed their password: the flag is false now (the database cleared it). */
export function usePasswordChanged(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.setQueriesData({ queryKey: [KEY] }, false), [queryClient]);
}
