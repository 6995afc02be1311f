import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { GatewayClient } from '../api/gateway-client.ts';

export type Navigate = (path: string, options?: { replace?: boolean }) => void;

export interface AppContextValue {
  client: GatewayClient;
  navigate: Navigate;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The gateway client and the navigate function of the running app. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() outside <AppContext.Provider>');
  return value;
}
