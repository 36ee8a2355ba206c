import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useClient } from '../client/hooks.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { ParamsIn } from '../../shared/contract/index.js';
import { containerActionCommand, type ActionResult, type ContainerAction, type ContainerActionCommand } from '../../shared/contract/containers.js';

/** One action on one container: the action and that action's command params (`force` only for remove). */
export type ContainerActionCall = { action: ContainerAction } & ParamsIn<ContainerActionCommand>;

/**
 * Any of the contract's container actions as one mutation, so a row offers
 * them all from the list without a hook per action; `variables.action` says
 * which one is running.
 */
export function useContainerAction(): UseMutationResult<ActionResult, ErrorInfo, ContainerActionCall> {
  const client = useClient();
  return useMutation<ActionResult, ErrorInfo, ContainerActionCall>({
    mutationKey: ['containers.action'],
    mutationFn: ({ action, ...params }) => client.call(containerActionCommand(action), params),
  });
}
