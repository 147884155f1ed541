// Refine's authProvider on supabase-js: the session lives where supabase-js keeps it, and a
// 401 or PostgREST's PGRST301 (JWT expired or invalid) sends the user back to the login page.
import type { AuthProvider } from '@refinedev/core';
import { AuthError } from '@supabase/supabase-js';
import { i18n } from '@/i18n';
import { supabaseClient } from './supabase-client';

export interface Identity {
  id: string;
  email: string;
  name: string;
  lastSignInAt?: string;
}

/** A Chinese message for what GoTrue answered, keyed by its error code. */
export function loginErrorMessage(error: AuthError): string {
  const known = ['invalid_credentials', 'user_banned', 'email_not_confirmed'];
  if (error.code && known.includes(error.code)) return i18n.t(`auth.errors.${error.code}`);
  if (error.status === 0 || error.name === 'AuthRetryableFetchError') return i18n.t('auth.errors.network');
  return i18n.t('auth.errors.unknown', { message: error.message });
}

export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email: string; password: string }) => {
    const { data, error } = await supabaseClient.auth.signInWithPassword({ email, password });
    if (error || !data.session) {
      return {
        success: false,
        // Refine's notification shows message as its title and name beneath it.
        error: { message: i18n.t('auth.loginFailed'), name: error ? loginErrorMessage(error) : i18n.t('auth.loginFailed') },
      };
    }
    return { success: true, redirectTo: '/' };
  },

  logout: async () => {
    // A failed server-side sign-out still clears the local session (supabase-js does so).
    await supabaseClient.auth.signOut();
    return { success: true, redirectTo: '/login' };
  },

  check: async () => {
    const { data } = await supabaseClient.auth.getSession();
    if (!data.session) return { authenticated: false, redirectTo: '/login', logout: true };
    return { authenticated: true };
  },

  onError: async (error: { status?: number; statusCode?: number; code?: string }) => {
    const status = error?.status ?? error?.statusCode;
    if (status === 401 || error?.code === 'PGRST301') {
      return { logout: true, redirectTo: '/login', error: { name: i18n.t('auth.loginFailed'), message: i18n.t('auth.errors.session_expired') } };
    }
    return {};
  },

  // The signed-in user as the session holds it (from the token GoTrue issued, refreshed with it):
  // no request, so the first screen does not wait for /auth/v1/user. It is for display only; the
  // database trusts the token, never this.
  getIdentity: async (): Promise<Identity | null> => {
    const { data } = await supabaseClient.auth.getSession();
    const user = data.session?.user;
    if (!user) return null;
    const fullName = typeof user.user_metadata?.full_name === 'string' ? user.user_metadata.full_name : undefined;
    return { id: user.id, email: user.email ?? '', name: fullName || user.email || '', lastSignInAt: user.last_sign_in_at };
  },
};
