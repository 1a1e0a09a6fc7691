import { createContext, useContext } from 'react';
import type { Announcer } from './announcer.ts';
import type { AppStateStore } from './app-state.ts';
import type { CatalogStore } from './catalog-store.ts';
import type { Router } from './router.ts';
import type { SessionStore } from './session-store.ts';

/** The stores every app reads: created once by main.tsx and reached through context, never passed as props. */
export interface Services {
  state: AppStateStore;
  session: SessionStore;
  catalog: CatalogStore;
  router: Router;
  announcer: Announcer;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesContext.Provider>');
  return services;
}
