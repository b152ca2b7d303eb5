// Who is signed in: /api/auth/me through TanStack Query; signing in and out refresh it. The CSRF token of the
// session is handed to the API client for writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../src/auth/auth.contract.ts';
import { ApiError, api, setCsrfToken } from './api.ts';
import { apiUrl, callApi } from './client.ts';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await api.get<Me>(apiUrl('GET /api/auth/me'));
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => callApi('POST /api/auth/login', { body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Another user's data must not survive; the "me" query stays, so its observers see the new value.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      client.setQueryData(['me'], me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callApi('POST /api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData(['me'], null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

/** Operators watch many pages; page admins (institution roles) one. */
export function isPageAdmin(me: Me): boolean {
  return me.scope.level === 'institution';
}

/** The unit a user's home shows: their scope as a route. */
export function homeUnitPath(me: Me): string {
  const s = me.scope;
  if (s.level === 'region') return `/units/region/${s.regionCode}`;
  if (s.level === 'municipality') return `/units/municipality/${s.municipalityId}`;
  return '/units/country';
}
