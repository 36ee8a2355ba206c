import { useCommand } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import type { ParamsIn } from '../../shared/contract/index.js';

export type OpenRequest = Omit<ParamsIn<'terminals.open'>, 'cols' | 'rows'>;

/**
 * Opens a session and shows it on the Terminals screen. The size is a first
 * guess; the terminal sends its real one as soon as it is on screen.
 */
export function useOpenTerminal() {
  const open = useCommand('terminals.open');
  return {
    open: (request: OpenRequest) => open.mutate({ cols: 120, rows: 32, ...request }, { onSuccess: (info) => navigate('terminals', { session: info.id }) }),
    isPending: open.isPending,
    error: open.error ?? undefined,
    /** Which request is being opened, to show a spinner on its button. */
    opening: open.isPending ? open.variables : undefined,
  };
}
